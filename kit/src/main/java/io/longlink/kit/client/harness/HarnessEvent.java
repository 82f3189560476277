package io.longlink.kit.client.harness;

import io.longlink.model.ClientMessage;
import java.util.Optional;

/**
 * One thing the harness saw or did, stamped with {@link System#nanoTime()} when it happened: the
 * kit judges timing on these stamps only, never on times a client or driver reports.
 *
 * @param kind what happened
 * @param connection the connection's number, 0 for the first TCP connection of the scenario
 * @param nanos monotonic time of the event
 * @param text the frame's text, the request URL, the close reason, or a description
 * @param message for {@link Kind#FRAME_IN}: the decoded client message, when the frame was valid
 * @param code for closes: the close code; for {@link Kind#FRAME_IN}: the frame's size in bytes
 */
public record HarnessEvent(Kind kind, int connection, long nanos, String text, ClientMessage message, Integer code) {

  /** The kinds of events. */
  public enum Kind {
    /** A TCP connection arrived; not an attempt until its first bytes come ({@link #ATTEMPT}). */
    TCP_ACCEPT,
    /**
     * The first bytes of a TCP connection arrived (its upgrade request, or a TLS hello): "an
     * attempt" of DRIVER.md §9. Runtimes that pool connections (Node's undici) open the next TCP
     * connection as soon as one closes, long before the client starts its next attempt on it.
     */
    ATTEMPT,
    /** The opening handshake asked to upgrade; {@code text} is the request URL with its query. */
    UPGRADE,
    /** The harness refused the upgrade with an HTTP error. */
    REFUSED,
    /** A text frame from the client (reassembled). */
    FRAME_IN,
    /** A text frame the harness sent, stamped before it left. */
    FRAME_OUT,
    /** The client's close frame. */
    CLOSE_IN,
    /** The harness's close frame, stamped before it left. */
    CLOSE_OUT,
    /** The harness dropped the TCP connection without a close frame. */
    DROP,
    /** The TCP connection ended (the harness read the end of the stream, or closed it). */
    TCP_END
  }

  /** The decoded message of an incoming frame. */
  public Optional<ClientMessage> decoded() {
    return Optional.ofNullable(message);
  }

  /** Whether this is a valid incoming message of this type ({@code auth}, {@code ping}, ...). */
  public boolean isIn(String type) {
    return kind == Kind.FRAME_IN && message != null && message.type().equals(type);
  }

  /** Whether the client ended the connection here: its close frame or the end of its stream. */
  public boolean isClientEnd() {
    return kind == Kind.CLOSE_IN || kind == Kind.TCP_END;
  }

  /** For people, relative to a start: "+1204 ms #2 FRAME_IN {"type":"ping"}". */
  public String describe(long startNanos) {
    String at = "+" + (nanos - startNanos) / 1_000_000 + " ms #" + connection + " " + kind;
    String what = text == null ? "" : " " + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
    return at + (code == null ? "" : " " + code) + what;
  }
}
