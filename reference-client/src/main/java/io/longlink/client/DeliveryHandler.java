package io.longlink.client;

/**
 * Processes the chats delivered to this user. Each (sender, id) reaches it once, however often
 * the server sends it (LL-DD-6). The client acknowledges a delivery only after this returns
 * (LL-DLV-1); if it throws, the delivery counts as not processed, is not acknowledged, and the
 * server sends it again. Runs on the client's thread: hand long work to another executor, but
 * only return once the delivery is safe (stored, shown) or it may be lost on a crash.
 */
@FunctionalInterface
public interface DeliveryHandler {

  /** Processes one delivery. */
  void process(Delivery delivery) throws Exception;
}
