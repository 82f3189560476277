package io.longlink.server.attack;

import java.time.Duration;
import java.util.List;

/**
 * The full-scale attack for scripts/memory-attack.sh: the server with its defaults in a 512 MB heap;
 * 4 attackers with 5 connections each sending 60 KB chats at the allowed rate to 500 offline users
 * and to 10 users whose connections stopped reading. Prints the healthy user's ack latencies
 * without and with the attack, measured in the same run.
 */
public final class MemoryAttackMain {

  private MemoryAttackMain() {}

  public static void main(String[] args) throws Exception {
    long baselineS = args.length > 0 ? Long.parseLong(args[0]) : 20;
    long attackS = args.length > 1 ? Long.parseLong(args[1]) : 40;
    MemoryAttack.Plan plan = new MemoryAttack.Plan(4, 5, 60_000, 500, 10, 4, 55, Duration.ofSeconds(baselineS),
        Duration.ofSeconds(attackS));
    MemoryAttack.Result r;
    String output;
    boolean alive;
    try (ServerProcess server = ServerProcess.start("512m", List.of())) {
      System.out.println("server " + server.uri() + " (-Xmx512m, default bounds); " + baselineS + " s healthy, then "
          + attackS + " s under attack: " + plan);
      r = MemoryAttack.run(server, plan);
      alive = server.isAlive() && server.healthy(Duration.ofSeconds(5));
      output = server.output();
    }
    System.out.println("healthy user, no attack:    " + r.baseline());
    System.out.println("healthy user, under attack: " + r.attacked());
    System.out.printf("p99 under attack / p99 without: %.2f%n", r.attacked().percentile(99) / r.baseline().percentile(99));
    System.out.println("attack chats acked: " + r.attackAcks() + "; refused by code: " + r.refusals()
        + "; refusals without ref: " + r.refusalsWithoutRef());
    System.out.println("healthy chats acked: " + r.healthyAcked() + ", of which never delivered: " + r.healthyLost().size());
    System.out.println("maxima on /metrics: " + r.maxima());
    System.out.println("health checks unanswered within 5 s: " + r.unansweredHealthChecks() + " of " + r.samples());
    System.out.println("server alive and healthy at the end: " + alive + "; OutOfMemoryError in its output: "
        + output.contains("OutOfMemoryError"));
    System.out.println("problems: " + (r.problems().isEmpty() ? "none" : r.problems()));
  }
}
