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

/**
 * PROTOCOL.md LL-LIM-7: a client that stops reading is closed as a slow consumer, and holds nobody
 * up. The stuck client keeps pinging, so that the heartbeat timeout does not close it first.
 */
class SlowConsumerIT {

  @Test
  void aClientThatNeverReadsIsClosedAndOthersCarryOn() throws Exception {
    String bob = TestServer.user("bob");
    try (TestServer server = TestServer.start(b -> b.maxOutboundFrames(64).maxTotalPending(10_000)
            .set(SessionParameter.MAX_PENDING, 5_000L).set(SessionParameter.MAX_PENDING_BYTES, 64L << 20)
            .set(SessionParameter.RATE_MESSAGES, 10_000L));
        RawSocket stuck = RawSocket.open(server.uri(), 1_024);
        TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      String stuckUser = TestServer.user("stuck");
      stuck.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(stuckUser)
          + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}");
      String big = "x".repeat(60_000);
      for (int i = 0; i < 400 && server.server().metrics().slowConsumers() == 0; i++) {
        stuck.sendText(Messages.ping("alive-" + i));
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

  /**
   * The queue's bound in bytes holds well before its bound in frames (1024): the live deliveries
   * and one round of their redeliveries, less what the kernel's socket buffers take, pass it.
   */
  @Test
  void aClientThatNeverReadsIsClosedWhenItsQueuedBytesPassTheBound() throws Exception {
    String stuckUser = TestServer.user("stuck");
    try (TestServer server = TestServer.start(b -> b.set(SessionParameter.MAX_PENDING_BYTES, 8L << 20)
            .maxOutboundBytes((8L << 20) + (128L << 10)).set(SessionParameter.RATE_MESSAGES, 10_000L)
            .set(SessionParameter.AUTH_TIMEOUT_MS, 10_000L));
        RawSocket stuck = RawSocket.open(server.uri(), 1_024);
        TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      stuck.sendText("{\"type\":\"auth\",\"token\":\"" + TestServer.token(stuckUser)
          + "\",\"client\":{\"name\":\"t\",\"version\":\"1\"}}");
      String big = "x".repeat(60_000);
      // Past 8 MiB pending the chats are refused (queue_full); redeliveries every ack timeout go on filling the queue.
      for (int i = 0; i < 300 && server.server().metrics().slowConsumers() == 0; i++) {
        String id = "flood-" + i;
        stuck.sendText(Messages.ping(id));
        a.send(Messages.chatTo(stuckUser, id, big));
        a.await(m -> m.path("id").asText().equals(id) || m.path("ref").asText().equals(id), "an ack or an error for " + id,
            Duration.ofSeconds(3));
        if (i >= 140) {
          a.expectOpenFor(Duration.ofMillis(50));
        }
      }
      assertEquals(1, server.server().metrics().slowConsumers(),
          "the stuck reader closed as a slow consumer once its queue passed 8 MiB + 128 KiB");
      // A client that reads again within the grace period reaches the close frame behind what it had not read.
      assertEquals(4010, stuck.readUntilClose(), "a reader back within the grace period sees 4010, not an abnormal close");
    }
  }
}
