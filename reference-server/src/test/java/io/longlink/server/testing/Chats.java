package io.longlink.server.testing;

import static io.longlink.server.testing.ServerExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Chats sent and received as the restart tests need them: each acked, and a pong as the barrier for "nothing more". */
public final class Chats {

  private Chats() {}

  /** Alice's chats to bob, each acked; their seqs in order. */
  public static List<Long> send(URI server, String alice, String bob, String prefix, int n) throws Exception {
    List<Long> seqs = new ArrayList<>();
    try (TestClient a = TestClient.session(server, alice)) {
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
  public static List<String> receiveAndAck(TestClient b) throws Exception {
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

  static boolean isPong(JsonNode m, String id) {
    return "pong".equals(m.path("type").asText()) && id.equals(m.path("id").asText());
  }
}
