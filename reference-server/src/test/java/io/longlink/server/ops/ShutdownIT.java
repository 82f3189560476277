package io.longlink.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md §19: a graceful shutdown says goaway, closes 1001 and stops accepting. */
class ShutdownIT {

  @Test
  void everyConnectionGetsGoawayAnd1001() throws Exception {
    // A long auth timeout: the connection that never authenticates has to be open when shutdown comes.
    TestServer server = TestServer.start(b -> b.retryAfterMs(2_500).set(SessionParameter.AUTH_TIMEOUT_MS, 30_000L));
    try (TestClient a = TestClient.connect(server.uri()); TestClient pending = TestClient.connect(server.uri())) {
      a.authenticate(TestServer.token(TestServer.user("alice")), null);
      server.close();
      for (TestClient c : new TestClient[] {a, pending}) {
        JsonNode goaway = c.awaitType("goaway", Duration.ofSeconds(3));
        assertEquals(1001, goaway.path("code").asInt());
        assertEquals(2_500, goaway.path("retry_after_ms").asLong());
        assertEquals(1001, c.awaitClose(Duration.ofSeconds(3)).code());
      }
      assertThrows(Exception.class, () -> TestClient.connect(server.uri()), "no new connections after shutdown");
    }
  }
}
