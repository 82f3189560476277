package io.longlink.client.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.longlink.client.Harness;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Deliveries in: LL-DD-6, LL-DLV-1, LL-DLV-11. */
class InboxTest {

  private static ChatDelivery delivery(String from, String id, long seq, boolean redelivered) {
    return new ChatDelivery(id, seq, from, new Recipient(RecipientKind.USER, "alice"), "hello " + id, Harness.START,
        redelivered);
  }

  private static List<Long> acked(FakeLink link) {
    return Harness.framesOf(link, "ack").stream().map(a -> a.get("seq").asLong()).toList();
  }

  @Test
  void aRepeatIsAckedButNotHandedOverTwiceAndTheSameIdFromAnotherSenderIsNew() {
    Harness h = new Harness();
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, delivery("bob", "m1", 5, false));
    h.receive(link, delivery("bob", "m1", 5, true));
    h.receive(link, delivery("carol", "m1", 6, false));
    assertEquals(List.of("bob", "carol"), h.handled.stream().map(d -> d.from()).toList(), "LL-DD-6, LL-DD-4");
    assertEquals(List.of(5L, 5L, 6L), acked(link), "every delivery acked, the repeat too (LL-DLV-1)");
  }

  @Test
  void theResumePointStopsBelowADeliveryTheHandlerDidNotFinish() {
    Set<String> failOnce = ConcurrentHashMap.newKeySet();
    failOnce.add("m11");
    Harness h = new Harness(new MemoryClientStore(), b -> { }, d -> {
      if (failOnce.remove(d.id())) {
        throw new IllegalStateException("disk full");
      }
    });
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, delivery("bob", "m10", 10, false));
    h.receive(link, delivery("bob", "m11", 11, false));
    h.receive(link, delivery("bob", "m12", 12, false));
    assertEquals(List.of(10L, 12L), acked(link), "no ack for the delivery whose handler threw");
    h.end(link, 1006);
    h.scheduler.advance(1_000);
    FakeLink second = h.transport.last();
    second.open();
    h.scheduler.runDue();
    assertEquals(10, Harness.framesOf(second, "auth").get(0).get("last_seq").asLong(),
        "12 was processed, but 11 was not: last_seq stays at 10 (LL-DLV-11)");
    h.receive(second, Harness.authOk());
    h.receive(second, delivery("bob", "m11", 11, true));
    h.receive(second, delivery("bob", "m12", 12, true));
    assertEquals(List.of("m10", "m12", "m11"), h.handled.stream().map(d -> d.id()).toList());
    assertEquals(List.of(11L, 12L), acked(second));
    assertEquals(12, h.store.resume().lastSeq(), "once 11 is processed the point moves up");
  }

  @Test
  void aNewClientOnTheSameStoreResumesAndRemembersWhatWasProcessed() {
    MemoryClientStore store = new MemoryClientStore();
    Harness before = new Harness(store, b -> { }, d -> { });
    FakeLink link = before.connect();
    before.openAndAuth(link, Harness.authOk());
    before.receive(link, delivery("bob", "m1", 3, false));

    Harness after = new Harness(store, b -> { }, d -> { });
    FakeLink next = after.connect();
    next.open();
    after.scheduler.runDue();
    assertEquals(3, Harness.framesOf(next, "auth").get(0).get("last_seq").asLong());
    after.receive(next, Harness.authOk());
    after.receive(next, delivery("bob", "m1", 3, true));
    assertFalse(after.handled.stream().anyMatch(d -> d.id().equals("m1")), "processed before the restart: dropped");
    assertEquals(List.of(3L), acked(next));
  }
}
