package io.longlink.client.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.ChatResult;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.LonglinkClient;
import io.longlink.client.store.MemoryClientStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real clients through the reference server. */
class ChatIT {

  private static final long WAIT_MS = 10_000;

  private ServerFixture server;
  private final List<LonglinkClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start();
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(LonglinkClient::close);
    server.close();
  }

  private LonglinkClient client(String user, Recorder recorder, MemoryClientStore store) {
    LonglinkClient c = LonglinkClient.builder(server.uri()).token(ServerFixture.token(user)).deliveryHandler(recorder)
        .observer(recorder).store(store).build();
    clients.add(c);
    c.connect();
    return c;
  }

  @Test
  void twoClientsChatBothWays() throws Exception {
    String alice = ServerFixture.user("alice");
    String bob = ServerFixture.user("bob");
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    LonglinkClient ca = client(alice, a, new MemoryClientStore());
    LonglinkClient cb = client(bob, b, new MemoryClientStore());
    ConnectionState.Open open = (ConnectionState.Open) a.awaitState(ConnectionState.Open.class, 1, WAIT_MS);
    assertEquals(alice, open.userId());
    b.awaitState(ConnectionState.Open.class, 1, WAIT_MS);

    ChatResult sent = ca.send("hello-1", io.longlink.model.RecipientKind.USER, bob, "hi bob").get(WAIT_MS, TimeUnit.MILLISECONDS);
    assertEquals("hello-1", sent.id());
    assertFalse(sent.duplicate());
    Delivery got = b.awaitDeliveries(d -> !d.isEmpty(), "bob gets alice's chat", WAIT_MS).get(0);
    assertEquals(alice, got.from());
    assertEquals("hi bob", got.body());
    assertEquals(sent.seq(), got.seq());

    cb.sendToUser(alice, "hi alice").get(WAIT_MS, TimeUnit.MILLISECONDS);
    assertEquals("hi alice", a.awaitDeliveries(d -> !d.isEmpty(), "alice gets bob's reply", WAIT_MS).get(0).body());
  }

  @Test
  void anOfflineRecipientGetsEverythingOnceWhenItComesBackOnItsStore() throws Exception {
    String alice = ServerFixture.user("alice");
    String bob = ServerFixture.user("bob");
    MemoryClientStore bobStore = new MemoryClientStore();
    Recorder b1 = new Recorder();
    LonglinkClient firstBob = client(bob, b1, bobStore);
    Recorder a = new Recorder();
    LonglinkClient ca = client(alice, a, new MemoryClientStore());
    b1.awaitState(ConnectionState.Open.class, 1, WAIT_MS);
    ca.sendToUser(bob, "before").get(WAIT_MS, TimeUnit.MILLISECONDS);
    b1.awaitDeliveries(d -> d.size() == 1, "bob gets the first chat", WAIT_MS);
    firstBob.close();
    b1.awaitState(ConnectionState.Closed.class, 1, WAIT_MS);

    List<CompletableFuture<ChatResult>> acks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      acks.add(ca.sendToUser(bob, "offline " + i));
    }
    for (CompletableFuture<ChatResult> f : acks) {
      f.get(WAIT_MS, TimeUnit.MILLISECONDS);
    }
    assertTrue(bobStore.resume().lastSeq() > 0, "the first bob left a resume point in the store");

    Recorder b2 = new Recorder();
    client(bob, b2, bobStore);
    List<Delivery> later = b2.awaitDeliveries(d -> d.size() >= 5, "the second bob gets the 5 offline chats", WAIT_MS);
    assertEquals(List.of("offline 0", "offline 1", "offline 2", "offline 3", "offline 4"),
        later.stream().map(Delivery::body).toList(), "in order, and not the one processed before (last_seq, LL-DD-6)");
  }
}
