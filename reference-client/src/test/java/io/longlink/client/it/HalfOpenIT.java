package io.longlink.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ConnectionState;
import io.longlink.client.LonglinkClient;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The origin of the protocol: a link that goes silent without any close or error event. The
 * fast profile's heartbeat.timeout_ms is 1500 ms, so the client has to notice within that (plus
 * scheduling tolerance), close with 4000, and get a new session through the proxy.
 */
class HalfOpenIT {

  private static final long TIMEOUT_MS = 1_500;
  private static final long TOLERANCE_MS = 700;

  @Test
  void aSilentLinkIsDeclaredDeadOnTimeAndTheClientReconnects() throws Exception {
    try (ServerFixture server = ServerFixture.start(); SilentProxy proxy = new SilentProxy(server.port())) {
      Recorder r = new Recorder();
      String user = ServerFixture.user("dana");
      try (LonglinkClient client = LonglinkClient.builder(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws"))
          .token(ServerFixture.token(user)).deliveryHandler(r).observer(r).build()) {
        client.connect();
        r.awaitState(ConnectionState.Open.class, 1, 10_000);
        long silencedAt = System.nanoTime();
        proxy.silenceOpenConnections();
        ConnectionState.Reconnecting lost = (ConnectionState.Reconnecting)
            r.awaitState(ConnectionState.Reconnecting.class, 1, TIMEOUT_MS + TOLERANCE_MS + 2_000);
        long detectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silencedAt);
        assertEquals(4000, lost.closeCode(), "declared dead by the client, not closed by anyone");
        long silent = r.deadAfter().get(0);
        assertTrue(silent >= TIMEOUT_MS, "not before heartbeat.timeout_ms of silence: " + silent + " ms");
        assertTrue(detectedMs <= TIMEOUT_MS + TOLERANCE_MS, "noticed " + detectedMs + " ms after the link went silent");
        r.awaitState(ConnectionState.Open.class, 2, 10_000);
        client.sendToUser(user, "still here").get(10_000, TimeUnit.MILLISECONDS);
      }
    }
  }
}
