package io.longlink.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md §8: ping/pong, and a silent client is closed on time. */
class HeartbeatIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();
  static long interval;
  static long timeout;

  @BeforeAll
  static void start() {
    interval = server.config().millis(SessionParameter.HEARTBEAT_INTERVAL_MS);
    timeout = server.config().millis(SessionParameter.HEARTBEAT_TIMEOUT_MS);
  }

  @Test
  void everyPingGetsOnePongWithItsId() throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      c.authenticate(TestServer.token(TestServer.user("alice")), null);
      c.send(Messages.ping("p-1"));
      c.send("{\"type\":\"ping\"}");
      JsonNode first = c.next(Duration.ofSeconds(1));
      JsonNode second = c.next(Duration.ofSeconds(1));
      assertEquals("pong", first.path("type").asText());
      assertEquals("p-1", first.path("id").asText());
      assertTrue(second.path("id").isMissingNode(), "a ping without id gets a pong without id");
    }
  }

  @Test
  void aSilentClientIsClosedWith4000OnTime() throws Exception {
    try (TestClient c = TestClient.connect(server.uri())) {
      // Taken before auth goes out, so that the measured silence is never shorter than the server's.
      long lastSent = System.nanoTime();
      c.authenticate(TestServer.token(TestServer.user("alice")), null);
      TestClient.Closed closed = c.awaitClose(Duration.ofMillis(timeout + interval + 3_000));
      long silentMs = Duration.ofNanos(closed.atNanos() - lastSent).toMillis();
      assertEquals(4000, closed.code());
      assertTrue(silentMs >= timeout && silentMs <= timeout + interval + 500,
          "closed after " + silentMs + " ms of silence; bounds " + timeout + "-" + (timeout + interval));
    }
  }

  @Test
  void anyFrameKeepsTheSessionAlive() throws Exception {
    String alice = TestServer.user("alice");
    try (TestClient c = TestClient.connect(server.uri())) {
      c.authenticate(TestServer.token(alice), null);
      long end = System.nanoTime() + Duration.ofMillis(2 * timeout).toNanos();
      int n = 0;
      while (System.nanoTime() < end) {
        c.send(Messages.join("room-" + alice, "j-" + n++));
        c.awaitType("joined", Duration.ofMillis(interval));
        c.expectOpenFor(Duration.ofMillis(interval / 2));
      }
      c.send(Messages.ping("still-there"));
      assertEquals("still-there", c.awaitType("pong", Duration.ofSeconds(1)).path("id").asText());
    }
  }
}
