package io.longlink.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md §10: join, leave, room delivery to every member but the sender, membership across connections. */
class RoomIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  private static boolean isChat(JsonNode m) {
    return "chat".equals(m.path("type").asText());
  }

  @Test
  void aRoomChatReachesEveryOtherMemberAndNotTheSender() throws Exception {
    String room = TestServer.user("room");
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    String carol = TestServer.user("carol");
    try (TestClient a = TestClient.session(server.uri(), alice); TestClient b = TestClient.session(server.uri(), bob);
        TestClient c = TestClient.session(server.uri(), carol)) {
      for (TestClient t : new TestClient[] {a, b, c}) {
        t.send(Messages.join(room, "j-1"));
        JsonNode joined = t.awaitType("joined", WAIT);
        assertEquals("j-1", joined.path("id").asText());
        assertEquals(room, joined.path("room").asText());
      }
      a.send(Messages.chatToRoom(room, "r-1", "hello room"));
      a.awaitType("ack", WAIT);
      assertEquals(alice, b.awaitType("chat", WAIT).path("from").asText());
      assertEquals("room", c.awaitType("chat", WAIT).path("to").path("kind").asText());
      a.expectNone(RoomIT::isChat, "an echo of its own room chat", Duration.ofMillis(500));
    }
  }

  @Test
  void aChatToARoomTheSenderHasNotJoinedIsRefused() throws Exception {
    String room = TestServer.user("room");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      a.send(Messages.chatToRoom(room, "r-2", "let me in"));
      JsonNode error = a.awaitType("error", WAIT);
      assertEquals("not_member", error.path("code").asText());
      assertEquals("r-2", error.path("ref").asText());
    }
  }

  @Test
  void afterLeaveNoMoreRoomChatsArrive() throws Exception {
    String room = TestServer.user("room");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"));
        TestClient b = TestClient.session(server.uri(), TestServer.user("bob"))) {
      a.send(Messages.join(room, "j-a"));
      a.awaitType("joined", WAIT);
      b.send(Messages.join(room, "j-b"));
      b.awaitType("joined", WAIT);
      b.send(Messages.leave(room, "l-b"));
      JsonNode left = b.awaitType("left", WAIT);
      assertEquals("l-b", left.path("id").asText());
      assertEquals(room, left.path("room").asText());
      a.send(Messages.chatToRoom(room, "r-3", "anyone?"));
      a.awaitType("ack", WAIT);
      b.expectNone(RoomIT::isChat, "a room chat after leaving", Duration.ofMillis(500));
    }
  }

  @Test
  void membershipOutlivesTheConnectionAndOfflineMembersCatchUp() throws Exception {
    String room = TestServer.user("room");
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      a.send(Messages.join(room, "j-a"));
      a.awaitType("joined", WAIT);
      try (TestClient b = TestClient.session(server.uri(), bob)) {
        b.send(Messages.join(room, "j-b"));
        b.awaitType("joined", WAIT);
      }
      a.send(Messages.chatToRoom(room, "r-4", "while you were away"));
      a.awaitType("ack", WAIT);
      try (TestClient b = TestClient.session(server.uri(), bob)) {
        assertEquals("r-4", b.awaitType("chat", WAIT).path("id").asText());
      }
    }
  }
}
