package io.longlink.client.inbox;

import io.longlink.client.ClientObserver;
import io.longlink.client.Delivery;
import io.longlink.client.DeliveryHandler;
import io.longlink.client.connection.Sender;
import io.longlink.client.connection.SessionParams;
import io.longlink.client.store.ClientStore;
import io.longlink.client.store.ResumeState;
import io.longlink.client.time.ClientScheduler;
import io.longlink.model.ChatDelivery;
import io.longlink.model.DeliveryAck;

/**
 * Deliveries in: each (from, id) goes to the handler once (LL-DD-6), every delivery processed
 * is acknowledged after the handler returned, repeats included (LL-DLV-1), and the resume point
 * never claims a delivery the handler did not finish (LL-DLV-11).
 */
public final class Inbox {

  private final ClientScheduler scheduler;
  private final DeliveryHandler handler;
  private final ClientObserver observer;
  private final ProcessedIds processed;
  private final ResumePoint resume;
  private Sender sender;
  private long windowMs;

  public Inbox(ClientStore store, ClientScheduler scheduler, DeliveryHandler handler, ClientObserver observer) {
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
    boolean repeat = processed.contains(key);
    observer.deliveryReceived(delivery, repeat);
    if (!repeat) {
      try {
        handler.process(delivery);
      } catch (Exception failure) {
        resume.notProcessed(message.seq());
        observer.deliveryFailed(delivery, failure);
        return;
      }
      processed.add(key, scheduler.now(), windowMs);
      observer.deliveryProcessed(delivery);
    }
    resume.processed(message.seq());
    sender.send(new DeliveryAck(message.seq()));
    observer.deliveryAcked(message.seq());
  }
}
