package io.longlink.server.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Chats;
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

  @Test
  void chatsAckedAfterARestartReachTheUserWhoResumesWithTheOldEpoch() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    String oldEpoch;
    long lastSeq;
    try (TestServer first = start()) {
      try (TestClient b = TestClient.session(first.uri(), bob)) {
        List<Long> seqs = Chats.send(first.uri(), alice, bob, "before-", 20);
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), seqs, "a fresh in-memory server counts from 1");
        assertEquals(20, Chats.receiveAndAck(b).size(), "bob processed and acked all 20");
        oldEpoch = b.epoch();
        lastSeq = seqs.get(seqs.size() - 1);
      }
    }
    try (TestServer second = start()) {
      List<Long> seqs = Chats.send(second.uri(), alice, bob, "after-", 10);
      assertEquals(LongStream.rangeClosed(1, 10).boxed().toList(), seqs, "the restarted server counts from 1 again");
      List<String> sent = new ArrayList<>();
      for (int i = 1; i <= 10; i++) {
        sent.add("after-" + i);
      }
      List<String> received;
      try (TestClient b = TestClient.session(second.uri(), bob, lastSeq, oldEpoch)) {
        assertNotEquals(oldEpoch, b.epoch(), "the restarted server advertises a new epoch");
        received = Chats.receiveAndAck(b);
      }
      Set<String> lost = new LinkedHashSet<>(sent);
      received.forEach(lost::remove);
      assertEquals(Set.of(), lost, "0 of 10 acked chats lost");
      assertEquals(sent, received, "all 10, in seq order, none twice");
      try (TestClient b = TestClient.session(second.uri(), bob)) {
        assertEquals(List.of(), Chats.receiveAndAck(b), "nothing is delivered again once acked");
      }
    }
  }
}
