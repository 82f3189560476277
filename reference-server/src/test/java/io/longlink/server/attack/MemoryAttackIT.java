package io.longlink.server.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md LL-DLV-8, LL-LIM-7, LL-LIM-11, LL-LIM-12 against the attack that took the 1.0 server
 * out of memory, at a scale a test can afford: a server with a 128 MB heap, whose byte bounds are
 * derived from that heap except the per-recipient ones (made small so that they bite too); three
 * attackers with three connections each sending 60 KB chats at the allowed rate, half of them to
 * 8 users whose connections stopped reading (redelivered to every 2 s, so that their queues grow),
 * half to 40 offline users.
 */
class MemoryAttackIT {

  private static final MemoryAttack.Plan PLAN = new MemoryAttack.Plan(3, 3, 60_000, 40, 8, 2, 60,
      Duration.ofSeconds(3), Duration.ofSeconds(20));

  @Test
  void theBoundsHoldAndNobodyElsePays() throws Exception {
    MemoryAttack.Result r;
    String output;
    boolean aliveAfter;
    boolean healthyAfter;
    try (ServerProcess server = ServerProcess.start("128m", List.of("--ack-timeout-ms", "2000",
        "--max-pending-bytes", String.valueOf(1L << 20), "--max-pending-bytes-per-sender", String.valueOf(12L << 20),
        "--max-outbound-bytes", String.valueOf(8L << 20)))) {
      r = MemoryAttack.run(server, PLAN);
      System.out.println("memory attack: " + r);
      aliveAfter = server.isAlive();
      healthyAfter = server.healthy(Duration.ofSeconds(5));
      output = server.output();
    }
    String report = "\n" + r + "\nserver output (last 2000 chars): " + output.substring(Math.max(0, output.length() - 2_000));
    assertTrue(aliveAfter && healthyAfter, "the server up and /healthz answering after the attack" + report);
    assertFalse(output.contains("OutOfMemoryError"), "no OutOfMemoryError" + report);
    assertEquals(0, r.unansweredHealthChecks(), "/healthz and /metrics answered within 5 s throughout" + report);
    assertEquals(0.0, r.maxima().get("longlink_closes_total{code=\"1011\"}"), "no close with 1011" + report);
    assertEquals(List.of(), r.problems(), "only queue_full and unavailable refusals, gauges within their bounds" + report);
    assertEquals(0, r.refusalsWithoutRef(), "every refusal names its chat in ref" + report);
    assertEquals(Set.of(), r.healthyLost(), "every acked chat of the healthy user reached the friend" + report);
    double heapMax = r.maxima().get("longlink_heap_max_bytes");
    assertTrue(r.maxima().get("longlink_heap_used_after_gc_bytes") < heapMax, "heap after GC under the cap" + report);
    // The attack really reached the bounds: otherwise this test would prove nothing.
    assertTrue(r.refusals().getOrDefault("queue_full", 0L) > 0, "some chats refused by a recipient's byte bound" + report);
    assertTrue(r.refusals().getOrDefault("unavailable", 0L) > 0, "some chats refused by a total or per-sender bound" + report);
    assertTrue(r.maxima().get("longlink_slow_consumers_total") > 0, "stuck readers closed as slow consumers" + report);
    assertTrue(r.baseline().count() > 0 && r.attacked().count() > 0, "the healthy user got acks in both phases" + report);
  }
}
