package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.MessageCodec;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.auth.JwtVerifier;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.limits.RateLimits;
import io.longlink.server.messaging.Hub;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.store.MemoryInboxStore;
import io.longlink.server.store.MemoryRoomStore;
import io.longlink.server.store.MemorySequence;
import io.longlink.server.testing.ManualScheduler;
import io.longlink.server.testing.TestServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A connection's timers on a clock of the test's own: the auth timeout (LL-AUTH-8), the
 * heartbeat silence (LL-HB-3) and what counts as a sign of life (LL-HB-4), with no transport:
 * the connection talks to a wire that records what it is told.
 */
class ConnectionLivenessTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final ServerConfig config = ServerConfig.builder(Profile.FAST).jwtSecret(TestServer.JWT_SECRET).build();
  private final List<String> wire = new ArrayList<>();
  private final Connection connection = connection();

  private Connection connection() {
    ServerMetrics metrics = new ServerMetrics();
    Clock clock = Clock.systemUTC();
    Hub hub = new Hub(config, io.longlink.server.ServerParts.of(config).sequence(MemorySequence.ascending()).engine(), scheduler, metrics, clock,
        scheduler::nanoTime, io.longlink.codec.MessageCodec.create());
    ConnectionContext ctx = new ConnectionContext(config, hub, new JwtVerifier(TestServer.JWT_SECRET, null, null, clock),
        MessageCodec.create(), metrics, scheduler, clock, new AuthOkFactory(config), new AtomicLong(),
        new ConnectionRegistry(config.maxTotalOutboundBytes()), RateLimits.SLIDING_WINDOW, scheduler::nanoTime);
    return new Connection(ctx, new Wire() {
      @Override
      public boolean offeredSubprotocol() {
        return true;
      }

      @Override
      public String query() {
        return null;
      }

      @Override
      public String remoteAddress() {
        return "test";
      }

      @Override
      public void sendText(String text, Runnable done) {
        wire.add(text.substring(0, text.indexOf(',')) + "}");
        done.run();
      }

      @Override
      public void sendBinary(byte[] data) {
        wire.add("<binary>");
      }

      @Override
      public void sessionStarted() {}

      @Override
      public void close(int code, String reason) {
        wire.add("close " + code);
        connection.onClosed(code, reason);
      }

      @Override
      public void abort() {
        wire.add("abort");
      }
    });
  }

  private long ms(SessionParameter p) {
    return config.millis(p);
  }

  private void authenticate() {
    connection.onOpen();
    connection.onText("{\"type\":\"auth\",\"token\":\"" + TestServer.token("alice")
        + "\",\"client\":{\"name\":\"test\",\"version\":\"1\"}}");
    assertEquals(List.of("{\"type\":\"auth_ok\"}"), wire);
    wire.clear();
  }

  @Test
  void aConnectionThatDoesNotAuthenticateInTimeIsClosedWith4004() {
    connection.onOpen();
    scheduler.advance(ms(SessionParameter.AUTH_TIMEOUT_MS) - 1);
    assertEquals(List.of(), wire);
    scheduler.advance(1);
    assertEquals(List.of("close " + CloseCode.AUTH_TIMEOUT.code()), wire);
  }

  @Test
  void anAuthInTimeStopsTheAuthTimer() {
    authenticate();
    connection.onText("{\"type\":\"ping\"}");
    scheduler.advance(ms(SessionParameter.AUTH_TIMEOUT_MS));
    assertEquals("{\"type\":\"pong\"}", wire.get(0));
    assertTrue(wire.stream().noneMatch(w -> w.equals("close " + CloseCode.AUTH_TIMEOUT.code())), wire.toString());
  }

  @Test
  void aSessionSilentForTheHeartbeatTimeoutIsClosedWith4000() {
    authenticate();
    scheduler.advance(ms(SessionParameter.HEARTBEAT_TIMEOUT_MS) - 1);
    assertEquals(List.of(), wire);
    scheduler.advance(1);
    assertEquals(List.of("close " + CloseCode.HEARTBEAT_TIMEOUT.code()), wire);
  }

  @Test
  void anyFrameIsASignOfLifeNotOnlyAPing() {
    authenticate();
    long timeout = ms(SessionParameter.HEARTBEAT_TIMEOUT_MS);
    for (int i = 0; i < 5; i++) {
      scheduler.advance(timeout - 1);
      // A WebSocket control frame, then an invalid message: neither is a ping, both are life.
      if (i % 2 == 0) {
        connection.onOtherFrame();
      } else {
        connection.onText("{\"type\":\"join\"}");
      }
    }
    assertTrue(wire.stream().noneMatch(w -> w.startsWith("close")), wire.toString());
    scheduler.advance(timeout);
    assertEquals("close " + CloseCode.HEARTBEAT_TIMEOUT.code(), wire.get(wire.size() - 1));
  }

  @Test
  void aClosedConnectionLeavesNoTimerBehind() {
    authenticate();
    connection.onClosed(1000, "bye");
    scheduler.advance(10 * ms(SessionParameter.HEARTBEAT_TIMEOUT_MS));
    assertEquals(List.of(), wire);
  }
}
