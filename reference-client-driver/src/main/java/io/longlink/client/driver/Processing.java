package io.longlink.client.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.AsyncDeliveryHandler;
import io.longlink.client.Delivery;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The application's side of deliveries (DRIVER.md {@code ack_policy}): it reports each delivery
 * handed over, and finishes it {@code delay_ms} later (auto) or when the kit's {@code ack} names
 * its seq (manual), reporting {@code processed} before the library hears of it.
 */
final class Processing implements AsyncDeliveryHandler {

  private final EventWriter events;
  private final ScheduledExecutorService timers;
  private final Map<Long, Waiting> manual = new ConcurrentHashMap<>();
  private volatile boolean manualMode;
  private volatile long delayMs;

  Processing(EventWriter events, ScheduledExecutorService timers) {
    this.events = events;
    this.timers = timers;
  }

  /** From now on, deliveries are processed {@code delay} ms after the hand-over. */
  void auto(long delay) {
    manualMode = false;
    delayMs = delay;
  }

  /** From now on, deliveries are processed when {@link #ack(long)} names them. */
  void manual() {
    manualMode = true;
  }

  /** The kit's {@code ack}: false when no delivery of that seq waits for it. */
  boolean ack(long seq) {
    Waiting w = manual.remove(seq);
    if (w == null) {
      return false;
    }
    finish(w.delivery, w.done);
    return true;
  }

  @Override
  public CompletionStage<?> process(Delivery d) {
    ObjectNode delivered = EventWriter.event("delivered").put("id", d.id()).put("seq", d.seq()).put("from", d.from());
    delivered.putObject("to").put("kind", d.toKind()).put("id", d.toId());
    delivered.put("body", d.body()).put("redelivered", d.redelivered());
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (manualMode) {
      // Registered before the delivered line: the kit may answer that line with an ack command at once.
      manual.put(d.seq(), new Waiting(d, done));
      events.write(delivered);
      return done;
    }
    events.write(delivered);
    if (delayMs == 0) {
      finish(d, done);
    } else {
      timers.schedule(() -> finish(d, done), delayMs, TimeUnit.MILLISECONDS);
    }
    return done;
  }

  private void finish(Delivery d, CompletableFuture<Void> done) {
    events.write(EventWriter.event("processed").put("seq", d.seq()).put("id", d.id()).put("from", d.from()));
    done.complete(null);
  }

  private record Waiting(Delivery delivery, CompletableFuture<Void> done) {}
}
