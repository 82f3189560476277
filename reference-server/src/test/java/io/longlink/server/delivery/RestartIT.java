package io.longlink.server.delivery;

import static io.longlink.server.testing.ServerExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The loss an attack found (PROTOCOL.md §23, 1.1.0): across a restart of the in-memory server the
 * seqs start again at 1, and a resume point from before the restart settled the new chats unseen.
 * The history epoch (LL-DLV-12, LL-DLV-13) keeps every chat acked after the restart.
 */
class RestartIT {

  /** Room for 20 chats in one burst: neither the rate limit nor a full queue is what this test is about. */
  private static TestServer start() throws Exception {
    return TestServer.start(b -> b.set(SessionParameter.RATE_MESSAGES, 100).set(SessionParameter.MAX_PENDING, 100));
  }

  /** Alice's chats to bob, each acked; their seqs in order. */
  private static List<Long> send(TestServer server, String alice, String bob, String prefix, int n) throws Exception {
    List<Long> seqs = new ArrayList<>();
    try (TestClient a = TestClient.session(server.uri(), alice)) {
      for (int i = 1; i <= n; i++) {
        a.send(Messages.chatTo(bob, prefix + i, "chat " + i));
        JsonNode ack = a.await(m -> "ack".equals(m.path("type").asText()), "the ack of " + prefix + i, WAIT);
        assertEquals(prefix + i, ack.path("id").asText());
        seqs.add(ack.path("seq").asLong());
      }
    }
    return seqs;
  }

  /**
   * The ids of the chats that arrive before the pong of a ping sent now, each acked; returns once
   * a second pong shows that the server has read the acks.
   */
  private static List<String> receiveAndAck(TestClient b) throws Exception {
    List<String> ids = new ArrayList<>();
    String barrier = "barrier-" + System.nanoTime();
    b.send(Messages.ping(barrier));
    for (JsonNode m = b.next(WAIT); !isPong(m, barrier); m = b.next(WAIT)) {
      if ("chat".equals(m.path("type").asText())) {
        ids.add(m.path("id").asText());
        b.send(Messages.ack(m.path("seq").asLong()));
      }
    }
    String acked = "acked-" + System.nanoTime();
    b.send(Messages.ping(acked));
    b.await(m -> isPong(m, acked), "the pong after the acks", WAIT);
    return ids;
  }

  private static boolean isPong(JsonNode m, String id) {
    return "pong".equals(m.path("type").asText()) && id.equals(m.path("id").asText());
  }

  @Test
  void chatsAckedAfterARestartReachTheUserWhoResumesWithTheOldEpoch() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    String oldEpoch;
    long lastSeq;
    try (TestServer first = start()) {
      try (TestClient b = TestClient.session(first.uri(), bob)) {
        List<Long> seqs = send(first, alice, bob, "before-", 20);
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), seqs, "a fresh in-memory server counts from 1");
        assertEquals(20, receiveAndAck(b).size(), "bob processed and acked all 20");
        oldEpoch = b.epoch();
        lastSeq = seqs.get(seqs.size() - 1);
      }
    }
    try (TestServer second = start()) {
      List<Long> seqs = send(second, alice, bob, "after-", 10);
      assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), seqs, "the restarted server counts from 1 again");
      List<String> sent = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        sent.add("after-" + i);
      }
      List<String> received;
      try (TestClient b = TestClient.session(second.uri(), bob, lastSeq, oldEpoch)) {
        assertNotEquals(oldEpoch, b.epoch(), "the restarted server advertises a new epoch");
        received = receiveAndAck(b);
      }
      Set<String> lost = new LinkedHashSet<>(sent);
      received.forEach(lost::remove);
      assertEquals(Set.of(), lost, "0 of 10 acked chats lost");
      assertEquals(sent, received, "all 10, in seq order, none twice");
      try (TestClient b = TestClient.session(second.uri(), bob)) {
        assertEquals(List.of(), receiveAndAck(b), "nothing is delivered again once acked");
      }
    }
  }
}
