package io.longlink.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.longlink.server.testing.ServerExtension.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.ServerExtension;
import io.longlink.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md §11: an offline user gets its chats after reconnecting, in seq order, from its resume point. */
class OfflineDeliveryIT {

  @RegisterExtension
  static final ServerExtension server = ServerExtension.fast();


  /** The seqs of three chats to {@code to}, and the epoch they belong to. */
  private record Sent(List<Long> seqs, String epoch) {}

  private static Sent sendThree(String to) throws Exception {
    List<Long> seqs = new ArrayList<>();
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      for (int i = 1; i <= 3; i++) {
        a.send(Messages.chatTo(to, "o-" + i, "offline " + i));
        seqs.add(a.awaitType("ack", WAIT).path("seq").asLong());
      }
      return new Sent(seqs, a.epoch());
    }
  }

  @Test
  void anOfflineUserGetsItsChatsInSeqOrderRightAfterAuthOk() throws Exception {
    String bob = TestServer.user("bob");
    List<Long> seqs = sendThree(bob).seqs();
    try (TestClient b = TestClient.connect(server.uri())) {
      b.authenticate(TestServer.token(bob), null);
      b.send(Messages.ping("after-auth"));
      for (long seq : seqs) {
        JsonNode d = b.next(WAIT);
        assertEquals("chat", d.path("type").asText(), "the backlog comes before the answer to a later ping");
        assertEquals(seq, d.path("seq").asLong());
      }
      assertEquals("pong", b.next(WAIT).path("type").asText());
    }
  }

  @Test
  void theResumePointCountsAsAcknowledged() throws Exception {
    String bob = TestServer.user("bob");
    Sent sent = sendThree(bob);
    List<Long> seqs = sent.seqs();
    try (TestClient b = TestClient.connect(server.uri())) {
      b.authenticate(TestServer.token(bob), seqs.get(1), sent.epoch());
      JsonNode d = b.awaitType("chat", WAIT);
      assertEquals(seqs.get(2), d.path("seq").asLong());
      b.send(Messages.ack(d.path("seq").asLong()));
      b.send(Messages.ping("end"));
      assertEquals("pong", b.next(WAIT).path("type").asText(), "nothing at or below last_seq is delivered");
    }
  }

  @Test
  void deliveriesSentOnAClosedConnectionComeAgainOnTheNext() throws Exception {
    String bob = TestServer.user("bob");
    List<Long> seqs = sendThree(bob).seqs();
    try (TestClient b = TestClient.session(server.uri(), bob)) {
      for (long seq : seqs) {
        assertEquals(seq, b.awaitType("chat", WAIT).path("seq").asLong());
      }
    }
    try (TestClient b = TestClient.session(server.uri(), bob)) {
      for (long seq : seqs) {
        JsonNode again = b.awaitType("chat", WAIT);
        assertEquals(seq, again.path("seq").asLong());
        assertTrue(again.path("redelivered").asBoolean());
        b.send(Messages.ack(seq));
      }
    }
    try (TestClient b = TestClient.connect(server.uri())) {
      b.authenticate(TestServer.token(bob), null);
      b.send(Messages.ping("empty"));
      assertEquals("pong", b.next(WAIT).path("type").asText(), "acked deliveries are gone");
    }
  }

  @Test
  void aFullQueueRefusesNewChatsAndKeepsTheOldOnes() throws Exception {
    String bob = TestServer.user("bob");
    long max = server.config().millis(SessionParameter.MAX_PENDING);
    try (TestClient a = TestClient.session(server.uri(), TestServer.user("alice"))) {
      for (int i = 0; i < max; i++) {
        a.send(Messages.chatTo(bob, "q-" + i, "fill"));
        assertEquals("ack", a.awaitType("ack", WAIT).path("type").asText());
      }
      a.send(Messages.chatTo(bob, "q-over", "one too many"));
      JsonNode error = a.awaitType("error", WAIT);
      assertEquals("queue_full", error.path("code").asText());
      assertEquals("q-over", error.path("ref").asText());
      assertTrue(error.path("retry_after_ms").asLong() > 0);
    }
    try (TestClient b = TestClient.session(server.uri(), bob)) {
      assertEquals("q-0", b.awaitType("chat", WAIT).path("id").asText(), "the oldest delivery was kept");
    }
  }
}
