package io.longlink.server.messaging;

import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.server.store.PendingDelivery;

/** One authenticated connection, as the hub sees it: whatever the transport, it can be sent to and closed. */
public interface ClientSession {

  String sessionId();

  String userId();

  /** Queues a message for sending; never blocks. */
  void send(ServerMessage message);

  /** Queues a delivery's frame, encoded once for all its recipients; never blocks. */
  void deliver(PendingDelivery delivery, boolean redelivered);

  /** Closes the connection with a code of the close-code table. */
  void close(CloseCode code, String reason);
}
