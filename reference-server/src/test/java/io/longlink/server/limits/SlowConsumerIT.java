package io.longlink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Eventually;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.RawSocket;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PROTOCOL.md LL-LIM-7: a client that stops reading is closed as a slow consumer, and holds nobody up. */
class SlowConsumerIT {

  @Test
  void aClientThatNeverReadsIsClosedAndOthersCarryOn() throws Exception {
    String bob = TestServer.user("bob");
    try (TestServer server = TestServer.start(b -> b.maxOutboundFrames(64).maxTotalPending(10_000)
            .set(SessionParameter.MAX_PENDING, 5_000L).set(SessionParameter.RATE_MESSAGES, 10_000L));
        RawSocket stuck = RawSocket.open(server.uri(), 1_024);
        TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      String stuckUser = TestServer.user("stuck");
      stuck.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(stuckUser)
          + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}");
      String big = "x".repeat(60_000);
      for (int i = 0; i < 400 && server.server().metrics().slowConsumers() == 0; i++) {
        a.send(Messages.chatTo(stuckUser, "flood-" + i, big));
        a.awaitType("ack", Duration.ofSeconds(3));
      }
      Eventually.within(Duration.ofSeconds(5), () -> server.server().metrics().slowConsumers() == 1,
          "the stuck reader closed as a slow consumer");
      a.send(Messages.chatTo(bob, "calm", "others carry on"));
      JsonNode d = b.awaitType("chat", Duration.ofSeconds(3));
      assertEquals("calm", d.path("id").asText());
    }
  }
}
