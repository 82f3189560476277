package io.longlink.server.redis;

import static io.longlink.server.testing.ServerExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.testing.Chats;
import io.longlink.server.testing.Eventually;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.RedisProcess;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Several reference-server nodes on one real Redis: what one node acks, every node delivers;
 * dedup and the connection limit count across nodes; and with AOF on, a restart of every node and
 * of Redis itself (SIGKILL) loses nothing acked (PROTOCOL.md LL-SHUT-4, README "Several nodes on Redis").
 */
class RedisClusterIT {

  private static TestServer node(RedisProcess redis) throws Exception {
    return TestServer.start(b -> b.store(redis.url()).set(SessionParameter.RATE_MESSAGES, 100)
        .set(SessionParameter.MAX_PENDING, 100).set(SessionParameter.MAX_CONNECTIONS_PER_USER, 2));
  }

  private static List<String> ids(String prefix, int from, int to) {
    List<String> ids = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      ids.add(prefix + i);
    }
    return ids;
  }

  @Test
  void chatsAckedBeforeARestartOfEveryNodeAndOfRedisAreDeliveredAfterIt() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (RedisProcess redis = RedisProcess.startDurable()) {
      String epoch;
      List<Long> seqs;
      try (TestServer a = node(redis); TestServer b = node(redis)) {
        try (TestClient probe = TestClient.session(b.uri(), TestServer.user("probe"))) {
          epoch = probe.epoch();
        }
        seqs = Chats.send(a.uri(), alice, bob, "acked-", 20);
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), seqs, "one counter for the cluster, from 1");
      }
      // Every node is gone; Redis dies without a goodbye: only what the AOF holds is left.
      redis.kill();
      redis.restart();
      try (TestServer c = node(redis)) {
        try (TestClient b = TestClient.session(c.uri(), bob, seqs.get(9), epoch)) {
          assertEquals(epoch, b.epoch(), "the history continues across the restart: the same epoch (LL-DLV-12)");
          assertEquals(ids("acked-", 11, 20), Chats.receiveAndAck(b), "the resume point settles 1-10; 11-20 come, in order");
        }
        List<Long> after = Chats.send(c.uri(), alice, bob, "later-", 1);
        assertEquals(List.of(21L), after, "the seq counter continues too (LL-CHAT-2)");
        try (TestClient b = TestClient.session(c.uri(), bob, 21L, epoch)) {
          assertEquals(List.of(), Chats.receiveAndAck(b), "nothing acked is delivered twice");
        }
      }
    }
  }

  @Test
  void aRedisThatLostItsDataStartsANewEpoch() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (RedisProcess redis = RedisProcess.startVolatile(); TestServer node = node(redis)) {
      String before;
      try (TestClient b = TestClient.session(node.uri(), bob)) {
        before = b.epoch();
      }
      Chats.send(node.uri(), alice, bob, "lost-", 3);
      redis.restart();
      // The node's connection to Redis comes back by itself; the first script after it finds no history.
      List<Long> seqs = retrying(() -> Chats.send(node.uri(), alice, bob, "new-", 1));
      try (TestClient b = TestClient.session(node.uri(), bob, 3L, before)) {
        assertNotEquals(before, b.epoch(), "a lost history is a new epoch (LL-DLV-12), so last_seq 3 settles nothing");
        assertEquals(List.of("new-1"), Chats.receiveAndAck(b), "the new history's chat, with seq " + seqs.get(0));
      }
    }
  }

  @Test
  void deliveryDedupAndTheConnectionLimitSpanTheNodes() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (RedisProcess redis = RedisProcess.startDurable(); TestServer a = node(redis); TestServer b = node(redis);
        TestServer c = node(redis)) {
      try (TestClient bobOnB = TestClient.session(b.uri(), bob); TestClient aliceOnA = TestClient.session(a.uri(), alice)) {
        aliceOnA.send(Messages.chatTo(bob, "m-1", "across nodes"));
        JsonNode ack = aliceOnA.awaitType("ack", WAIT);
        JsonNode delivery = bobOnB.await(m -> "chat".equals(m.path("type").asText()), "the chat on node B", WAIT);
        assertEquals(ack.path("seq").asLong(), delivery.path("seq").asLong(), "delivered live on another node");
        bobOnB.send(Messages.ack(delivery.path("seq").asLong()));
        try (TestClient aliceOnC = TestClient.session(c.uri(), alice)) {
          aliceOnC.send(Messages.chatTo(bob, "m-1", "across nodes"));
          JsonNode repeat = aliceOnC.awaitType("ack", WAIT);
          assertTrue(repeat.path("duplicate").asBoolean(), "a repeat on another node is known (LL-DD-3): " + repeat);
          assertEquals(ack.path("seq").asLong(), repeat.path("seq").asLong(), "with the original's seq (LL-DD-1)");
        }
        assertEquals(List.of(), Chats.receiveAndAck(bobOnB), "and is not delivered again (LL-DD-2)");
        try (TestClient bobOnC = TestClient.session(c.uri(), bob)) {
          TestClient third = TestClient.connect(a.uri());
          third.send("{\"type\":\"auth\",\"token\":\"" + TestServer.token(bob) + "\",\"client\":{\"name\":\"test\",\"version\":\"1\"}}");
          TestClient.Closed closed = third.awaitClose(WAIT);
          assertEquals(CloseCode.TOO_MANY_CONNECTIONS.code(), closed.code(),
              "a third session, with two on other nodes, is one too many (LL-LIM-6)");
        }
      }
    }
  }

  @Test
  void aChatsFirstCopiesOnEveryNodeAreFirstCopies() throws Exception {
    String alice = TestServer.user("alice");
    String bob = TestServer.user("bob");
    try (RedisProcess redis = RedisProcess.startVolatile(); TestServer a = node(redis); TestServer b = node(redis);
        TestServer c = node(redis)) {
      try (TestClient bobOnB = TestClient.session(b.uri(), bob); TestClient bobOnC = TestClient.session(c.uri(), bob);
          TestClient aliceOnA = TestClient.session(a.uri(), alice)) {
        aliceOnA.send(Messages.chatTo(bob, "m-1", "to both of bob's sessions"));
        long seq = aliceOnA.awaitType("ack", WAIT).path("seq").asLong();
        for (TestClient session : List.of(bobOnB, bobOnC)) {
          JsonNode copy = session.await(m -> "chat".equals(m.path("type").asText()), "the chat", WAIT);
          // LL-CHAT-3 sends it to every session; each node sends its copy when the news comes, one after the other.
          assertEquals(false, copy.path("redelivered").asBoolean(true), "a first copy, whichever node sent it: " + copy);
        }
        bobOnB.send(Messages.ack(seq));
      }
      try (TestClient bobLater = TestClient.session(a.uri(), bob)) {
        assertEquals(List.of(), Chats.receiveAndAck(bobLater), "settled by the ack on node B");
      }
    }
  }

  private interface Attempt<T> {
    T run() throws Exception;
  }

  /** Runs {@code attempt} until it passes, within a deadline: the node reconnects to Redis by itself. */
  private static <T> T retrying(Attempt<T> attempt) throws Exception {
    java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
    Eventually.within(WAIT.multipliedBy(3), () -> {
      try {
        result.set(attempt.run());
        return true;
      } catch (Exception | AssertionError e) {
        return false;
      }
    }, "a chat accepted after Redis came back");
    return result.get();
  }
}
