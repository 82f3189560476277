package io.longlink.server.store;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * News between the nodes of a cluster that users have new pending deliveries, so that a node
 * with a session of such a user sends them. The news carries only the users: what to send is
 * read from the store, in seq order, so news that comes late, twice or out of order does no harm.
 */
public interface DeliveryBus {

  /**
   * Starts listening: {@code wake} gets each user with news from another node; {@code resync}
   * runs when news may have been missed (the bus reconnected), and then every local user is due a
   * look. Both run off the bus's own threads.
   */
  void listen(Consumer<String> wake, Runnable resync);

  /** Tells the other nodes that these users have new pending deliveries. */
  void publish(Collection<String> users);

  /** A bus for one node alone: nobody else to tell. */
  static DeliveryBus none() {
    return new DeliveryBus() {
      @Override
      public void listen(Consumer<String> wake, Runnable resync) {}

      @Override
      public void publish(Collection<String> users) {}
    };
  }
}
