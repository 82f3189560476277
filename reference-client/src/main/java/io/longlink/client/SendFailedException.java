package io.longlink.client;

/**
 * A chat, join or leave the client gave up on: it was never acknowledged and is not sent again.
 * {@link #code()} is the server's error code (e.g. {@code not_member}, or one this client does
 * not know, LL-ERRC-1), or one of the client's own: {@link #TOO_LARGE}, {@link #NOT_CONFIRMED}, {@link #NO_SIGNING_KEY},
 * {@link #CLIENT_CLOSED}.
 */
public final class SendFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The chat is larger than {@code limits.max_message_bytes} (LL-LIM-8). */
  public static final String TOO_LARGE = "too_large";
  /** No ack within {@code dedup_window_ms} of the first send; a resend could be delivered twice (LL-DD-7). */
  public static final String NOT_CONFIRMED = "not_confirmed";
  /** The session signs chats and the application gave the client no signing key (LL-SEC-8). */
  public static final String NO_SIGNING_KEY = "no_signing_key";
  /** The client was closed first; a chat stays in the store for the next client that opens it. */
  public static final String CLIENT_CLOSED = "client_closed";

  private final String id;
  private final String code;

  public SendFailedException(String id, String code, String message) {
    super(id + " failed (" + code + "): " + message);
    this.id = id;
    this.code = code;
  }

  /** The id of the chat, join or leave. */
  public String id() {
    return id;
  }

  /** Why: a server error code or one of this class's constants. */
  public String code() {
    return code;
  }
}
