package io.longlink.server.delivery;

import static io.longlink.server.testing.ServerExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md LL-DLV-8 by bytes, LL-LIM-11 and LL-LIM-12: every bound refuses before anything is
 * stored, a room chat as a whole, and what was acked is delivered.
 */
class PendingBytesIT {

  private static final String BIG = "x".repeat(60_000);

  private static JsonNode answer(TestClient c, String id) throws Exception {
    return c.await(m -> id.equals(m.path("id").asText()) && "ack".equals(m.path("type").asText())
        || id.equals(m.path("ref").asText()), "an ack or an error for " + id, WAIT);
  }

  private static void assertRefused(JsonNode answer, String code, String why) {
    assertEquals("error", answer.path("type").asText(), why + ": " + answer);
    assertEquals(code, answer.path("code").asText(), why + ": " + answer);
    assertTrue(answer.path("retry_after_ms").isNumber(), "a retry hint: " + answer);
  }

  @Test
  void aRoomChatThatOneMembersBytesCannotTakeIsRefusedForEveryMember() throws Exception {
    String room = TestServer.user("room");
    String bob = TestServer.user("bob");
    try (TestServer server = TestServer.start(b -> b);
        TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient c = TestClient.session(server.uri(), TestServer.user("carol"))) {
      try (TestClient b = TestClient.session(server.uri(), bob)) {
        for (TestClient t : new TestClient[] {a, b, c}) {
          t.send(Messages.join(room, "j"));
          t.awaitType("joined", WAIT);
        }
      }
      // The fast profile's delivery.max_pending_bytes is 4 x 65536: four 60 KB deliveries fit, a fifth does not.
      List<String> acked = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        a.send(Messages.chatTo(bob, "fill-" + i, BIG));
        assertEquals("ack", answer(a, "fill-" + i).path("type").asText());
        acked.add("fill-" + i);
      }
      a.send(Messages.chatTo(bob, "direct", BIG));
      assertRefused(answer(a, "direct"), "queue_full", "a direct chat past bob's bytes");
      a.send(Messages.chatToRoom(room, "to-room", "y".repeat(30_000)));
      assertRefused(answer(a, "to-room"), "queue_full", "a room chat past one member's bytes");
      c.expectNone(m -> "to-room".equals(m.path("id").asText()), "the refused room chat", Duration.ofMillis(500));
      try (TestClient b = TestClient.session(server.uri(), bob)) {
        for (String id : acked) {
          JsonNode d = b.await(m -> id.equals(m.path("id").asText()), "acked chat " + id, WAIT);
          b.send(Messages.ack(d.path("seq").asLong()));
        }
        b.expectNone(m -> "direct".equals(m.path("id").asText()) || "to-room".equals(m.path("id").asText()),
            "a refused chat", Duration.ofMillis(300));
        a.send(Messages.chatToRoom(room, "to-room", "y".repeat(30_000)));
        assertEquals("ack", answer(a, "to-room").path("type").asText(), "accepted once bob acked his backlog");
        c.await(m -> "to-room".equals(m.path("id").asText()), "the room chat at carol", WAIT);
      }
    }
  }

  @Test
  void oneSenderCannotTakeTheTotalAndTheTotalHoldsForAll() throws Exception {
    try (TestServer server = TestServer.start(b -> b.maxPendingBytesPerSender(512L << 10).maxTotalPendingBytes(768L << 10)
            .set(SessionParameter.RATE_MESSAGES, 1_000L));
        TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient c = TestClient.session(server.uri(), TestServer.user("carol"))) {
      JsonNode last = null;
      for (int i = 0; i < 12 && (last == null || "ack".equals(last.path("type").asText())); i++) {
        a.send(Messages.chatTo(TestServer.user("offline"), "a-" + i, BIG));
        last = answer(a, "a-" + i);
      }
      assertRefused(last, "unavailable", "alice past her share");
      assertTrue(last.path("message").asText().contains("the most one sender may"), last.toString());
      last = null;
      for (int i = 0; i < 12 && (last == null || "ack".equals(last.path("type").asText())); i++) {
        c.send(Messages.chatTo(TestServer.user("offline"), "c-" + i, BIG));
        last = answer(c, "c-" + i);
      }
      assertRefused(last, "unavailable", "carol past the total");
      assertTrue(last.path("message").asText().contains("bytes of pending deliveries"), last.toString());
      assertTrue(server.server().metrics().prometheus().contains("longlink_pending_bytes_limit 786432"));
    }
  }
}
