package io.longlink.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ChatResult;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.LonglinkClient;
import io.longlink.model.RecipientKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server stops in the middle of a burst and a new one starts on the same port. The in-memory
 * server forgets what it accepted (LL-SHUT-4), so this checks the client's half of the promise:
 * every chat ends acknowledged under its original id, what was sent while the server was down
 * is flushed after the reconnect, and the recipient sees no chat twice.
 */
class RestartIT {

  private static final long WAIT_MS = 15_000;

  @Test
  void theOutboxSurvivesAServerRestartWithOriginalIdsAndNothingDoubled() throws Exception {
    try (ServerFixture server = ServerFixture.start()) {
      String alice = ServerFixture.user("alice");
      String bob = ServerFixture.user("bob");
      Recorder a = new Recorder();
      Recorder b = new Recorder();
      try (LonglinkClient ca = build(server, alice, a); LonglinkClient cb = build(server, bob, b)) {
        ca.connect();
        cb.connect();
        a.awaitState(ConnectionState.Open.class, 1, WAIT_MS);
        b.awaitState(ConnectionState.Open.class, 1, WAIT_MS);
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<ChatResult>> acks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          ids.add("burst-" + i);
          acks.add(ca.send("burst-" + i, RecipientKind.USER, bob, "chat " + i));
        }
        acks.get(5).get(WAIT_MS, TimeUnit.MILLISECONDS);
        server.stop();
        for (int i = 0; i < 10; i++) {
          ids.add("down-" + i);
          acks.add(ca.send("down-" + i, RecipientKind.USER, bob, "sent while down " + i));
        }
        server.restart();

        Set<String> secondSession = new HashSet<>();
        for (int i = 0; i < acks.size(); i++) {
          ChatResult result = acks.get(i).get(WAIT_MS, TimeUnit.MILLISECONDS);
          assertEquals(ids.get(i), result.id(), "acked under its original id");
          if (!result.sessionId().equals(sessionOf(a, 1))) {
            secondSession.add(result.id());
          }
        }
        assertTrue(secondSession.containsAll(ids.subList(30, 40)), "what was sent while down went to the new server");
        List<Delivery> got = b.awaitDeliveries(d -> d.stream().map(Delivery::id).toList().containsAll(secondSession),
            "bob gets every chat the new server acknowledged", WAIT_MS);
        List<String> gotIds = got.stream().map(Delivery::id).toList();
        assertEquals(new HashSet<>(gotIds).size(), gotIds.size(), "no chat handed to bob twice: " + gotIds);
        assertTrue(ids.containsAll(gotIds), "bob got only what alice sent");
      }
    }
  }

  private static String sessionOf(Recorder r, int nth) throws InterruptedException {
    return ((ConnectionState.Open) r.awaitState(ConnectionState.Open.class, nth, WAIT_MS)).sessionId();
  }

  private static LonglinkClient build(ServerFixture server, String user, Recorder r) {
    return LonglinkClient.builder(server.uri()).token(ServerFixture.token(user)).deliveryHandler(r).observer(r).build();
  }
}
