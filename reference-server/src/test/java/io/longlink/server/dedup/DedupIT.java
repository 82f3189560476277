package io.longlink.server.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md §12: a repeat is acked as a duplicate with the original seq and delivered once, across reconnects. */
class DedupIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  private static boolean isChat(JsonNode m) {
    return "chat".equals(m.path("type").asText());
  }

  @Test
  void aRepeatAfterAReconnectIsAckedAsDuplicateAndDeliveredOnce() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (TestClient b = TestClient.session(server.uri(), bob)) {
      JsonNode first;
      try (TestClient a = TestClient.session(server.uri(), alice)) {
        a.send(Messages.chatTo(bob, "d-1", "once"));
        first = a.awaitType("ack", WAIT);
        assertFalse(first.path("duplicate").asBoolean());
      }
      JsonNode delivery = b.awaitType("chat", WAIT);
      b.send(Messages.ack(delivery.path("seq").asLong()));
      try (TestClient a = TestClient.session(server.uri(), alice)) {
        a.send(Messages.chatTo(bob, "d-1", "once, again"));
        JsonNode again = a.awaitType("ack", WAIT);
        assertTrue(again.path("duplicate").asBoolean());
        assertEquals(first.path("seq").asLong(), again.path("seq").asLong());
        assertEquals(first.path("ts").asLong(), again.path("ts").asLong());
      }
      b.expectNone(DedupIT::isChat, "a second delivery of d-1", Duration.ofMillis(800));
    }
  }

  @Test
  void theSameIdFromTwoSendersIsTwoChats() throws Exception {
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient c = TestClient.session(server.uri(), TestServer.user("carol"));
        TestClient b = TestClient.session(server.uri(), bob)) {
      a.send(Messages.chatTo(bob, "same-id", "from alice"));
      assertFalse(a.awaitType("ack", WAIT).path("duplicate").asBoolean());
      c.send(Messages.chatTo(bob, "same-id", "from carol"));
      assertFalse(c.awaitType("ack", WAIT).path("duplicate").asBoolean());
      JsonNode one = b.awaitType("chat", WAIT);
      JsonNode two = b.awaitType("chat", WAIT);
      assertTrue(!one.path("from").asText().equals(two.path("from").asText()));
    }
  }

  @Test
  void aRefusedChatCanBeSentAgainAndAccepted() throws Exception {
    String room = TestServer.user("room");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      a.send(Messages.chatToRoom(room, "late", "not yet a member"));
      assertEquals("not_member", a.awaitType("error", WAIT).path("code").asText());
      a.send(Messages.join(room, "j"));
      a.awaitType("joined", WAIT);
      a.send(Messages.chatToRoom(room, "late", "now a member"));
      assertFalse(a.awaitType("ack", WAIT).path("duplicate").asBoolean());
    }
  }
}
