package io.longlink.kit.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;
import io.longlink.model.HeartbeatPolicy;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The recorder against a real server: waits, failures that say what was seen, schema checks of every frame. */
class KitSocketIT {

  private static final byte[] SECRET = "kit-socket-it-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final JwtTokenSource TOKENS = new JwtTokenSource(SECRET, null, null, null);

  private static LonglinkServer start(Violation... violations) throws Exception {
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(SECRET);
    LonglinkServer server = FaultyServer.start(config.build(), List.of(violations));
    KitSettings.install(new KitSettings(server.uri(), TOKENS, Map.of(), false, null, Duration.ofMillis(200), 100, 1_000, "it"));
    RunBudget.reset(100, 1_000);
    return server;
  }

  private static KitSocket session(String user) {
    KitSocket socket = KitSocket.open(user + "'s connection", List.of("longlink.v1"), null);
    socket.send(new Auth(TOKENS.token(user), new ClientInfo("test", "1"), null, null));
    socket.expect(AuthOk.class, a -> true, Duration.ofSeconds(3), "auth_ok");
    return socket;
  }

  /** A server that keeps sending what the wait skips (pongs that are not the keepalive's) cannot stretch it. */
  @Test
  void aLoopOverMessagesEndsAtItsOneDeadlineWhateverKeepsArriving() throws Exception {
    ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
    try (LonglinkServer server = start(); KitSocket socket = session("alice-ks-deadline")) {
      AtomicInteger n = new AtomicInteger();
      pinger.scheduleAtFixedRate(() -> socket.send(new Ping("noise-" + n.incrementAndGet())), 0, 20, TimeUnit.MILLISECONDS);
      Deadline deadline = Deadline.after(Duration.ofMillis(600));
      long start = System.nanoTime();
      CheckFailure failure = assertThrows(CheckFailure.class, () -> {
        while (true) {
          if (socket.next(deadline, "joined j-never").message() instanceof Joined) {
            return;
          }
        }
      });
      long tookMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertTrue(tookMs < 3_000, "the loop ended " + tookMs + " ms after a 600 ms deadline");
      assertTrue(n.get() > 10, "pongs kept arriving during the wait: " + n.get() + " pings");
      assertTrue(failure.expected().contains("within 600 ms"), failure.expected());
    } finally {
      pinger.shutdownNow();
    }
  }

  @Test
  void waitsFindMessagesInAnyOrderAndKeepaliveIsInvisible() throws Exception {
    try (LonglinkServer server = start(); KitSocket socket = session("alice-ks1")) {
      assertEquals("longlink.v1", socket.selectedSubprotocol().orElseThrow());
      socket.keepAlive(Duration.ofMillis(100));
      socket.send(new Ping("one"));
      socket.send(new Join("j-1", "room-ks1"));
      assertEquals("j-1", socket.expect(Joined.class, j -> true, Duration.ofSeconds(3), "joined").message().id());
      assertEquals("one", socket.expect(Pong.class, p -> true, Duration.ofSeconds(3), "the pong of ping one").message().id());
      socket.expectOpenFor(Duration.ofMillis(2_000), "the keepalive pings");
      socket.expectNone(Pong.class, p -> true, Duration.ofMillis(300), "pong the scenario asked for");
    }
  }

  @Test
  void aFailedWaitSaysWhatItExpectedAndWhatItSaw() throws Exception {
    try (LonglinkServer server = start(); KitSocket socket = session("alice-ks2")) {
      socket.send(new Ping("p"));
      CheckFailure failure = assertThrows(CheckFailure.class,
          () -> socket.expect(Joined.class, j -> true, Duration.ofMillis(300), "joined for a join nobody sent"));
      assertTrue(failure.expected().startsWith("joined for a join nobody sent within 300 ms"), failure.expected());
      assertTrue(failure.actual().startsWith("only {\"type\":\"pong\",\"id\":\"p\""), failure.actual());
    }
  }

  @Test
  void aWaitForAMessageEndsAtTheCloseWithItsCode() throws Exception {
    try (LonglinkServer server = start(); KitSocket socket = KitSocket.open("silent", List.of("longlink.v1"), null)) {
      CheckFailure failure = assertThrows(CheckFailure.class,
          () -> socket.expect(AuthOk.class, a -> true, Duration.ofSeconds(5), "auth_ok"));
      assertTrue(failure.actual().contains("4004 auth_timeout"), failure.actual());
    }
  }

  @Test
  void aFrameThatBreaksItsSchemaIsRecordedAsAProblem() throws Exception {
    try (LonglinkServer server = start(Violation.MSG_1); KitSocket socket = session("alice-ks3")) {
      socket.send(new Leave("l-1", "room-ks3"));
      assertThrows(CheckFailure.class, () -> socket.expect(Left.class, l -> true, Duration.ofMillis(500), "left"));
      assertEquals(1, socket.problems().size());
      assertTrue(socket.problems().get(0).contains("/room"), socket.problems().toString());
    }
  }

  @Test
  void theRunBudgetStopsARunThatWouldFloodTheTarget() throws Exception {
    try (LonglinkServer server = start(); KitSocket socket = session("alice-ks4")) {
      RunBudget.reset(100, 3);
      socket.send(new Ping("1"));
      socket.send(new Ping("2"));
      socket.send(new Ping("3"));
      RunBudget.CapReached e = assertThrows(RunBudget.CapReached.class, () -> socket.send(new Ping("4")));
      assertTrue(e.getMessage().contains("--max-messages 3"), e.getMessage());
    }
  }

  /**
   * The scenario's deadline cuts every wait: a wait whose own timeout is long still ends when the
   * scenario's time is up, saying what it waited for; and an auth_ok's advertised timeouts grow it.
   */
  @Test
  void theScenarioDeadlineCutsAWaitAndSaysWhatItWaitedFor() throws Exception {
    try (LonglinkServer server = start(); KitSocket socket = session("alice-ks5")) {
      ScenarioDeadline.begin(Duration.ofMillis(300), Duration.ZERO);
      try {
        long start = System.nanoTime();
        CheckFailure failure = assertThrows(CheckFailure.class,
            () -> socket.expect(Joined.class, j -> true, Duration.ofSeconds(20), "joined for a join never sent"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 5_000, "the wait ended at the scenario's deadline, not its own 20 s: " + tookMs + " ms");
        assertTrue(failure.getMessage().contains("joined for a join never sent")
            && failure.getMessage().contains("the scenario's deadline"), failure.getMessage());
        assertThrows(CheckFailure.class, () -> socket.expectOpenFor(Duration.ofSeconds(20), "a window it cannot watch"));
      } finally {
        ScenarioDeadline.end();
      }
      ScenarioDeadline.begin(Duration.ofMillis(300), Duration.ZERO);
      try {
        ScenarioDeadline.advertised(new AuthOk(null, null, null, new HeartbeatPolicy(100L, 200L),
            null, null, null, null, null, null));
        long start = System.nanoTime();
        socket.expectOpenFor(Duration.ofMillis(1_000), "within 300 ms + 10 x 200 ms");
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 1_000, "the whole window was watched");
      } finally {
        ScenarioDeadline.end();
      }
    }
  }
}
