package io.longlink.client.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.longlink.client.Delivery;
import io.longlink.client.Harness;
import io.longlink.client.store.MemoryClientStore;
import io.longlink.client.transport.FakeLink;
import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An asynchronous delivery handler: acks and the resume point wait for the processing to finish. */
class AsyncInboxTest {

  private final Map<Long, CompletableFuture<Void>> processing = new LinkedHashMap<>();
  private final List<String> handedOver = new ArrayList<>();
  private final Harness h = new Harness(new MemoryClientStore(), b -> b.asyncDeliveryHandler(this::start), d -> { });

  private CompletableFuture<Void> start(Delivery d) {
    handedOver.add(d.id());
    CompletableFuture<Void> done = new CompletableFuture<>();
    processing.put(d.seq(), done);
    return done;
  }

  private static ChatDelivery delivery(String id, long seq, boolean redelivered) {
    return new ChatDelivery(id, seq, "bob", new Recipient(RecipientKind.USER, "alice"), "hi", Harness.START, redelivered);
  }

  private static List<Long> acked(FakeLink link) {
    return Harness.framesOf(link, "ack").stream().map(a -> a.get("seq").asLong()).toList();
  }

  @Test
  void aDeliveryIsAckedOnlyOnceItsProcessingCompletesAndACopyMeanwhileWaitsForIt() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, delivery("m1", 50, false));
    h.receive(link, delivery("m1", 50, true));
    assertEquals(List.of("m1"), handedOver, "the copy is not handed over (LL-DD-6)");
    assertEquals(List.of(), acked(link), "nothing acked before the processing completed (LL-DLV-1)");
    processing.get(50L).complete(null);
    h.scheduler.runDue();
    assertEquals(List.of(50L), acked(link), "acked once processed; both copies carried seq 50");
    h.receive(link, delivery("m1", 50, true));
    assertEquals(List.of(50L, 50L), acked(link), "a later repeat is acked at once");
  }

  @Test
  void theResumePointStaysBelowTheFirstDeliveryNotProcessed() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, delivery("m50", 50, false));
    h.receive(link, delivery("m57", 57, false));
    h.receive(link, delivery("m63", 63, false));
    processing.get(50L).complete(null);
    processing.get(63L).complete(null);
    h.scheduler.runDue();
    assertEquals(List.of(50L, 63L), acked(link));
    h.end(link, 1006);
    h.scheduler.advance(1_000);
    FakeLink second = h.transport.last();
    second.open();
    h.scheduler.runDue();
    assertEquals(56, Harness.framesOf(second, "auth").get(0).get("last_seq").asLong(),
        "57 was handed over but not processed (LL-DLV-11)");
  }

  @Test
  void aFailedProcessingIsNotAckedAndTheNextCopyIsHandedOverAgain() {
    FakeLink link = h.connect();
    h.openAndAuth(link, Harness.authOk());
    h.receive(link, delivery("m1", 7, false));
    processing.get(7L).completeExceptionally(new IllegalStateException("disk full"));
    h.scheduler.runDue();
    h.receive(link, delivery("m1", 7, true));
    assertEquals(List.of("m1", "m1"), handedOver, "not processed, so the redelivery is no repeat");
    assertEquals(List.of(), acked(link));
  }
}
