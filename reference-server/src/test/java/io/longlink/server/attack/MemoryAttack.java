package io.longlink.server.attack;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.RawSocket;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The attack that took the 1.0 reference server out of memory, at a chosen scale: attacker users,
 * each with several connections, sending near-limit chats at the allowed rate to users who are
 * offline and to users whose connections stopped reading, while a healthy user chats with a
 * friend who reads and acks. A healthy phase without the attack comes first, for comparison.
 * Every loop is bounded by the phase durations; everything runs on loopback.
 */
final class MemoryAttack {

  /**
   * How big the attack is. Every {@code stuckEvery}-th chat of a connection goes to a stuck reader,
   * the others to offline users; {@code intervalMs} between chats of one connection keeps it under
   * the rate limit.
   */
  record Plan(int attackers, int connectionsPerAttacker, int chatBytes, int offlineUsers, int stuckReaders, int stuckEvery,
      long intervalMs, Duration baseline, Duration attack) {}

  /** What the attack did, and what the server showed meanwhile. */
  record Result(Latencies baseline, Latencies attacked, long attackAcks, Map<String, Long> refusals,
      long refusalsWithoutRef, long healthyAcked, Set<String> healthyLost, Map<String, Double> maxima,
      int unansweredHealthChecks, int samples, List<String> problems) {}

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
  private static final long HEALTHY_INTERVAL_MS = 100;
  /** Before the baseline is measured, so that it does not count the server's JIT warming up. */
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final long PING_INTERVAL_MS = 10_000;
  private static final List<String> GAUGES = List.of("longlink_pending_bytes", "longlink_pending_bytes_limit",
      "longlink_outbound_bytes", "longlink_outbound_bytes_limit", "longlink_heap_used_after_gc_bytes",
      "longlink_heap_max_bytes", "longlink_closes_total{code=\"1011\"}", "longlink_slow_consumers_total");

  private final ServerProcess server;
  private final Plan plan;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final List<ScheduledFuture<?>> attackTasks = new ArrayList<>();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
  private final Set<String> healthyAckedIds = ConcurrentHashMap.newKeySet();
  private final Set<String> friendReceived = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> refusals = new ConcurrentHashMap<>();
  private final Map<String, Double> maxima = new ConcurrentHashMap<>();
  private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
  private final LongAdder attackAcks = new LongAdder();
  private final LongAdder refusalsWithoutRef = new LongAdder();
  private final AtomicLong healthySeq = new AtomicLong();
  private final Latencies baseline = new Latencies();
  private final Latencies attacked = new Latencies();
  private volatile Latencies phase;
  private volatile WsClient friend;
  private volatile int unanswered;
  private volatile int samples;

  private MemoryAttack(ServerProcess server, Plan plan) {
    this.server = server;
    this.plan = plan;
  }

  static Result run(ServerProcess server, Plan plan) throws Exception {
    MemoryAttack attack = new MemoryAttack(server, plan);
    try {
      return attack.run();
    } finally {
      attack.scheduler.shutdownNow();
      for (AutoCloseable c : attack.closeables) {
        try {
          c.close();
        } catch (Exception ignored) {
          // Connections the server already closed.
        }
      }
    }
  }

  private Result run() throws Exception {
    String healthyUser = TestServer.user("healthy");
    String friendUser = TestServer.user("friend");
    friend = open(friendUser, m -> friendReceives(m, friend));
    WsClient healthy = open(healthyUser, this::healthyHears);
    keepAlive(friend);
    keepAlive(healthy);
    scheduler.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> chatting = scheduler.scheduleWithFixedDelay(() -> healthyChat(healthy, friendUser), 0,
        HEALTHY_INTERVAL_MS, TimeUnit.MILLISECONDS);
    waitOut(WARMUP);
    phase = baseline;
    waitOut(plan.baseline());
    phase = attacked;
    startAttack();
    waitOut(plan.attack());
    attackTasks.forEach(t -> t.cancel(false));
    chatting.cancel(false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!friendReceived.containsAll(healthyAckedIds) && System.nanoTime() < deadline) {
      waitOut(Duration.ofMillis(100));
    }
    sample();
    Set<String> lost = ConcurrentHashMap.newKeySet();
    lost.addAll(healthyAckedIds);
    lost.removeAll(friendReceived);
    return new Result(baseline, attacked, attackAcks.sum(), Map.copyOf(refusals), refusalsWithoutRef.sum(),
        healthyAckedIds.size(), lost, Map.copyOf(maxima), unanswered, samples, List.copyOf(problems));
  }

  private void startAttack() throws Exception {
    List<String> stuckUsers = new ArrayList<>();
    for (int i = 0; i < plan.stuckReaders(); i++) {
      String user = TestServer.user("stuck" + i);
      RawSocket stuck = RawSocket.open(server.uri(), 1_024);
      closeables.add(stuck);
      stuck.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(user) + "\",\"client\":{\"name\":\"stuck\",\"version\":\"1\"}}");
      stuckUsers.add(user);
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          stuck.sendText(Messages.ping("stuck"));
        } catch (Exception closed) {
          // Closed as a slow consumer: that is the point.
        }
      }, PING_INTERVAL_MS, PING_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }
    List<String> offline = new ArrayList<>();
    for (int i = 0; i < plan.offlineUsers(); i++) {
      offline.add(TestServer.user("offline" + i));
    }
    String body = "x".repeat(plan.chatBytes());
    for (int a = 0; a < plan.attackers(); a++) {
      String attacker = TestServer.user("attacker" + a);
      for (int c = 0; c < plan.connectionsPerAttacker(); c++) {
        WsClient conn = open(attacker, this::attackerHears);
        keepAlive(conn);
        AtomicLong n = new AtomicLong();
        int offset = a * 31 + c * 7;
        attackTasks.add(scheduler.scheduleWithFixedDelay(() -> {
          long i = n.getAndIncrement();
          String to = !stuckUsers.isEmpty() && i % plan.stuckEvery() == 0
              ? stuckUsers.get((int) ((i / plan.stuckEvery() + offset) % stuckUsers.size()))
              : offline.get((int) ((i + offset) % offline.size()));
          conn.send(Messages.chatTo(to, "a" + Math.abs(offset) + "-" + conn.hashCode() + "-" + i, body));
        }, 0, plan.intervalMs(), TimeUnit.MILLISECONDS));
      }
    }
  }

  private WsClient open(String user, java.util.function.Consumer<JsonNode> handler) throws Exception {
    WsClient client = WsClient.session(server.uri(), user, handler);
    closeables.add(client);
    return client;
  }

  private void keepAlive(WsClient client) {
    scheduler.scheduleWithFixedDelay(() -> client.send(Messages.ping("keepalive")), PING_INTERVAL_MS, PING_INTERVAL_MS,
        TimeUnit.MILLISECONDS);
  }

  private void healthyChat(WsClient healthy, String friend) {
    String id = "h-" + healthySeq.incrementAndGet();
    sentAt.put(id, System.nanoTime());
    healthy.send(Messages.chatTo(friend, id, "hello from a healthy user"));
  }

  private void healthyHears(JsonNode m) {
    String type = m.path("type").asText();
    if ("ack".equals(type)) {
      Long at = sentAt.get(m.path("id").asText());
      Latencies current = phase;
      if (at != null && healthyAckedIds.add(m.path("id").asText()) && current != null) {
        current.add((System.nanoTime() - at) / 1e6);
      }
    } else if ("error".equals(type)) {
      refused(m, "healthy ");
    }
  }

  /** The friend reads and acks everything; a delivery before {@code self} is known is acked on redelivery. */
  private void friendReceives(JsonNode m, WsClient self) {
    if ("chat".equals(m.path("type").asText())) {
      friendReceived.add(m.path("id").asText());
      if (self != null) {
        self.send(Messages.ack(m.path("seq").asLong()));
      }
    }
  }

  private void attackerHears(JsonNode m) {
    String type = m.path("type").asText();
    if ("ack".equals(type)) {
      attackAcks.increment();
    } else if ("error".equals(type)) {
      refused(m, "");
    }
  }

  /** Attackers pace themselves, but a busy machine can bunch their frames on the way: a rate limit is then the server's right answer. */
  private static boolean expected(String who, String code) {
    return code.equals("queue_full") || code.equals("unavailable") || who.isEmpty() && code.equals("rate_limited");
  }

  private void refused(JsonNode error, String who) {
    String code = error.path("code").asText();
    refusals.merge(who + code, 1L, Long::sum);
    if (!error.hasNonNull("ref")) {
      refusalsWithoutRef.increment();
    }
    if (!expected(who, code) && problems.size() < 20) {
      problems.add("an unexpected refusal of a " + (who.isEmpty() ? "attack" : who) + "chat: " + error);
    }
  }

  private void sample() {
    samples++;
    if (!server.healthy(HEALTH_TIMEOUT)) {
      unanswered++;
    }
    try {
      Map<String, Double> m = server.metrics(HEALTH_TIMEOUT);
      for (String g : GAUGES) {
        maxima.merge(g, m.getOrDefault(g, 0.0), Math::max);
      }
      if (m.getOrDefault("longlink_pending_bytes", 0.0) > m.getOrDefault("longlink_pending_bytes_limit", 0.0)) {
        problems.add("pending bytes above their bound: " + m.get("longlink_pending_bytes"));
      }
      if (m.getOrDefault("longlink_outbound_bytes", 0.0) > m.getOrDefault("longlink_outbound_bytes_limit", 0.0)) {
        problems.add("outbound bytes above their bound: " + m.get("longlink_outbound_bytes"));
      }
    } catch (Exception e) {
      unanswered++;
    }
  }

  private static void waitOut(Duration d) throws InterruptedException {
    // A load phase lasts a set time; nothing to wait for but the clock.
    TimeUnit.MILLISECONDS.sleep(d.toMillis());
  }
}
