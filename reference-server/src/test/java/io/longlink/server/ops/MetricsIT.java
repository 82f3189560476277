package io.longlink.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The counters an operator reads: Prometheus text on /metrics, and /healthz. */
class MetricsIT {

  @Test
  void countersFollowTheTraffic() throws Exception {
    try (TestServer server = TestServer.start()) {
      String bob = TestServer.user("bob");
      try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
          TestClient b = TestClient.session(server.uri(), bob)) {
        a.send(Messages.chatTo(bob, "m-1", "counted"));
        a.awaitType("ack", Duration.ofSeconds(3));
        a.send(Messages.chatTo(bob, "m-1", "counted"));
        a.awaitType("ack", Duration.ofSeconds(3));
        a.send("{\"type\":\"typing\",\"id\":\"x\"}");
        a.awaitType("error", Duration.ofSeconds(3));
        b.awaitType("chat", Duration.ofSeconds(3));
      }
      URI base = URI.create("http://127.0.0.1:" + server.server().port());
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      String text = metrics.body();
      assertTrue(text.contains("longlink_chats_accepted_total 1\n"), text);
      assertTrue(text.contains("longlink_duplicates_total 1\n"), text);
      assertTrue(text.contains("longlink_sessions_started_total 2\n"), text);
      assertTrue(text.contains("longlink_errors_sent_total{code=\"unknown_type\"} 1\n"), text);
      assertTrue(text.contains("# TYPE longlink_closes_total counter"), text);
      assertEquals("ok\n", http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
    }
  }
}
