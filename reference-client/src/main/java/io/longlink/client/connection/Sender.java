package io.longlink.client.connection;

import io.longlink.model.ClientMessage;

/** Sends on one session; after the session ended it drops what it is given. */
@FunctionalInterface
public interface Sender {

  /** Sends {@code message} as one text frame, or drops it when the session is over. */
  void send(ClientMessage message);
}
