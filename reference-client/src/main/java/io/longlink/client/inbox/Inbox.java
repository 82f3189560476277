package io.longlink.client.inbox;

import io.longlink.client.AsyncDeliveryHandler;
import io.longlink.client.ClientObserver;
import io.longlink.client.Delivery;
import io.longlink.client.connection.Sender;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.ResumeState;
import io.longlink.client.time.ClientScheduler;
import io.longlink.model.ChatDelivery;
import io.longlink.model.DeliveryAck;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Deliveries in: each (from, id) goes to the handler once (LL-DD-6), every delivery processed
 * is acknowledged after the handler finished, repeats included (LL-DLV-1), and the resume point
 * never claims a delivery the handler did not finish (LL-DLV-11).
 */
public final class Inbox {

  private final ClientScheduler scheduler;
  private final AsyncDeliveryHandler handler;
  private final ClientObserver observer;
  private final ProcessedIds processed;
  private final ResumePoint resume;
  /** Handed over, not finished: key to the seqs of every copy received meanwhile. */
  private final Map<String, Set<Long>> inProgress = new HashMap<>();
  private Sender sender;
  private long windowMs;

  public Inbox(ClientStore store, ClientScheduler scheduler, AsyncDeliveryHandler handler, ClientObserver observer) {
    this.scheduler = scheduler;
    this.handler = handler;
    this.observer = observer;
    this.processed = new ProcessedIds(store);
    this.resume = new ResumePoint(store);
  }

  /** The resume point for the next auth. */
  public ResumeState resumePoint() {
    return resume.current();
  }

  /** A session of history {@code epoch} began; deliveries are acknowledged through {@code newSender}. */
  public void sessionStarted(String epoch, SessionParams params, Sender newSender) {
    resume.sessionStarted(epoch);
    this.windowMs = params.dedupWindowMs();
    this.sender = newSender;
  }

  /** The session ended: nothing to acknowledge on. */
  public void sessionEnded() {
    sender = null;
  }

  /** One delivery of the current session. */
  public void receive(ChatDelivery message) {
    Delivery delivery = Delivery.of(message);
    String key = ProcessedIds.key(message.from(), message.id());
    Set<Long> copies = inProgress.get(key);
    boolean repeat = copies != null || processed.contains(key);
    observer.deliveryReceived(delivery, repeat);
    if (copies != null) {
      copies.add(message.seq());
    } else if (repeat) {
      acknowledge(message.seq());
    } else {
      handOver(key, delivery);
    }
  }

  private void handOver(String key, Delivery delivery) {
    Set<Long> copies = new LinkedHashSet<>();
    copies.add(delivery.seq());
    inProgress.put(key, copies);
    CompletionStage<?> done;
    try {
      done = handler.process(delivery);
    } catch (Exception failure) {
      done = CompletableFuture.failedFuture(failure);
    }
    if (done instanceof CompletableFuture<?> now && now.isDone()) {
      // A handler that finished in the call: acknowledge in this task, as a synchronous one expects.
      finish(key, delivery, now.handle((v, failure) -> failure).join());
      return;
    }
    resume.notProcessed(delivery.seq());
    done.whenComplete((v, failure) -> scheduler.execute(() -> finish(key, delivery, failure)));
  }

  private void finish(String key, Delivery delivery, Throwable outcome) {
    Set<Long> copies = inProgress.remove(key);
    Throwable failure = outcome instanceof CompletionException wrapped && wrapped.getCause() != null
        ? wrapped.getCause() : outcome;
    if (failure != null) {
      resume.notProcessed(delivery.seq());
      observer.deliveryFailed(delivery, failure instanceof Exception e ? e : new IllegalStateException(failure));
      return;
    }
    processed.add(key, scheduler.now(), windowMs);
    observer.deliveryProcessed(delivery);
    for (long seq : copies) {
      resume.processed(seq);
      acknowledge(seq);
    }
  }

  /** Acknowledges on the current session; with none, the server sends the delivery again and that copy is acked. */
  private void acknowledge(long seq) {
    if (sender != null) {
      sender.send(new DeliveryAck(seq));
      observer.deliveryAcked(seq);
    }
  }
}
