package io.longlink.server.connection;

import io.longlink.server.messaging.DeferredSends;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection's writes (frames and the close) in the order they were asked for, done by one
 * thread at a time: whichever thread finds no other writing takes everything queued so far. A
 * write asked for under the hub's lock is done after the lock is released ({@link DeferredSends}).
 */
final class OrderedWrites {

  private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /** Queues {@code write} behind every write asked for before it. */
  void add(Runnable write) {
    queued.add(write);
    DeferredSends.flush(this::drain);
  }

  private void drain() {
    // Another thread that queued while this one was finishing finds `writing` still set and
    // leaves its write here; the check after releasing it picks that write up.
    while (!queued.isEmpty() && writing.compareAndSet(false, true)) {
      try {
        for (Runnable w; (w = queued.poll()) != null; ) {
          w.run();
        }
      } finally {
        writing.set(false);
      }
    }
  }
}
