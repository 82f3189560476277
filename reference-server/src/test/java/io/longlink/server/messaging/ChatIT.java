package io.longlink.server.messaging;

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

/** Two users chat through the server: ack, delivery with the sender stamped, delivery ack, redelivery. */
class ChatIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  static String chat(String id, String to, String body) {
    return Messages.chatTo(to, id, body);
  }

  @Test
  void twoUsersChat() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), alice); TestClient b = TestClient.session(server.uri(), bob)) {
      a.send(chat("m-1", bob, "hello bob"));
      JsonNode ack = a.awaitType("ack", WAIT);
      assertEquals("m-1", ack.path("id").asText());
      assertFalse(ack.path("duplicate").asBoolean());
      long seq = ack.path("seq").asLong();
      assertTrue(seq > 0);

      JsonNode delivery = b.awaitType("chat", WAIT);
      assertEquals("m-1", delivery.path("id").asText());
      assertEquals(alice, delivery.path("from").asText());
      assertEquals("hello bob", delivery.path("body").asText());
      assertEquals(seq, delivery.path("seq").asLong());
      assertEquals(ack.path("ts").asLong(), delivery.path("ts").asLong());
      assertFalse(delivery.path("redelivered").asBoolean());
      b.send("{\"type\":\"ack\",\"seq\":" + seq + "}");

      b.send(chat("m-2", alice, "hi alice"));
      assertEquals("m-2", b.awaitType("ack", WAIT).path("id").asText());
      JsonNode back = a.awaitType("chat", WAIT);
      assertEquals(bob, back.path("from").asText());
      assertTrue(back.path("seq").asLong() > seq, "a later chat gets a larger seq");
    }
  }

  @Test
  void aFromSentByTheClientIsIgnored() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (TestClient a = TestClient.session(server.uri(), alice); TestClient b = TestClient.session(server.uri(), bob)) {
      a.send("{\"type\":\"chat\",\"id\":\"m-from\",\"from\":\"mallory\",\"to\":{\"kind\":\"user\",\"id\":\"" + bob
          + "\"},\"body\":\"x\"}");
      a.awaitType("ack", WAIT);
      assertEquals(alice, b.awaitType("chat", WAIT).path("from").asText());
    }
  }

  @Test
  void anUnackedDeliveryIsSentAgainAndAnAckedOneIsNot() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    long ackTimeout = server.config().millis(io.longlink.protocol.SessionParameter.ACK_TIMEOUT_MS);
    try (TestClient a = TestClient.session(server.uri(), alice); TestClient b = TestClient.session(server.uri(), bob)) {
      a.send(chat("m-r", bob, "again"));
      JsonNode first = b.awaitType("chat", WAIT);
      long sentAt = System.nanoTime();
      JsonNode again = b.awaitType("chat", Duration.ofMillis(3 * ackTimeout));
      long afterMs = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();
      assertEquals(first.path("seq").asLong(), again.path("seq").asLong());
      assertTrue(again.path("redelivered").asBoolean());
      assertTrue(afterMs >= ackTimeout - 150, "redelivered after " + afterMs + " ms, ack timeout " + ackTimeout);
      b.send("{\"type\":\"ack\",\"seq\":" + again.path("seq").asLong() + "}");
      b.expectNone(m -> "chat".equals(m.path("type").asText()), "redelivery after the ack", Duration.ofMillis(2 * ackTimeout + 200));
    }
  }
}
