package io.longlink.server.messaging;

import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.MessageStore;

/** Settles deliveries as their acks come in, on whichever node the recipient's session is (LL-DLV-3). */
final class Settlement {

  private final MessageStore store;
  private final RedeliveryTimers timers;
  private final ServerMetrics metrics;

  Settlement(MessageStore store, RedeliveryTimers timers, ServerMetrics metrics) {
    this.store = store;
    this.timers = timers;
    this.metrics = metrics;
  }

  /** Settles one delivery of {@code session}'s user; unknown seqs are ignored (LL-DLV-9). */
  void acknowledge(ClientSession session, long seq) {
    // LL-DLV-10: an ack settles its sender's delivery only, that one seq and no other (LL-DLV-2).
    String user = session.userId();
    if (store.settle(user, seq)) {
      // Another node's timer for the same delivery finds it settled when it fires.
      timers.cancel(user, seq);
      metrics.deliveryAcked();
    }
  }
}
