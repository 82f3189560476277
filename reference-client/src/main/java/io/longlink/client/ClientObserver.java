package io.longlink.client;

import io.longlink.model.ErrorMessage;

/**
 * Everything the client does that an application, a log or a conformance-kit driver wants to
 * see. Every method has an empty default; implement the ones you need. Calls come on the
 * client's thread, in the order things happened; do not block in them.
 */
public interface ClientObserver {

  /** The connection state changed. */
  default void stateChanged(ConnectionState state) {}

  /** The client declared the link dead: nothing received for {@code silentMs} (LL-HB-5). */
  default void linkDead(long silentMs) {}

  /** A chat left the client: {@code send} counts from 1 for its first send. */
  default void chatSent(String id, int send) {}

  /** The server acknowledged a chat. */
  default void chatAcked(ChatResult result) {}

  /** A chat, join or leave settled as failed; it is not sent again. */
  default void sendFailed(SendFailedException failure) {}

  /** The server refused a chat for now and the client sends it again after {@code retryAfterMs}. */
  default void chatDeferred(String id, String code, long retryAfterMs) {}

  /** A delivery arrived; {@code repeat} when its (from, id) was processed before and it is only acknowledged. */
  default void deliveryReceived(Delivery delivery, boolean repeat) {}

  /** The delivery handler returned for this delivery. */
  default void deliveryProcessed(Delivery delivery) {}

  /** The delivery handler threw; the delivery is not acknowledged and the server sends it again. */
  default void deliveryFailed(Delivery delivery, Exception failure) {}

  /** The client acknowledged delivery {@code seq}. */
  default void deliveryAcked(long seq) {}

  /** The server sent an {@code error} that matched nothing the client is waiting for. */
  default void serverError(ErrorMessage error) {}

  /** A frame from the server could not be read as a message of this protocol version; it was ignored. */
  default void unreadableFrame(String problem) {}

  /**
   * The client lacks something the session needs, e.g. the server signs chats and no signing key
   * was given (LL-SEC-8, {@link ClientConfigException#parameter()} {@code signingKey}): the
   * session stays up for receiving, chats fail.
   */
  default void configurationError(ClientConfigException problem) {}

  /** Something inside the client failed (a bug, or a store that threw). */
  default void internalError(Throwable failure) {}
}
