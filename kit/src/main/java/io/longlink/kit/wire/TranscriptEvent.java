package io.longlink.kit.wire;

/**
 * One thing that happened on one of the kit's connections, as a failure's transcript shows it.
 *
 * @param tMs milliseconds since the scenario's first recorded event
 * @param connection the connection's name, e.g. "bob's connection #1"
 * @param direction towards the server or from it: in a server check the kit's connection sent or
 *     received it; in a client check the client sent it, or the kit's harness (the server) did
 * @param kind what it was
 * @param text the frame's text exactly as on the wire (a binary frame's bytes in hex), the URL of
 *     an opening, what went wrong for a failed one; null for closes
 * @param code the close code, for {@link Kind#CLOSE} (1005 when the close frame had none); else 0
 * @param reason the close reason, or a note (why a received frame is invalid, "keepalive"); may be null
 * @param keepalive whether the frame is the kit's own keepalive ping or its pong
 * @param length the text's length on the wire when {@code text} was cut to a bound; else {@code text}'s length
 */
public record TranscriptEvent(long tMs, String connection, Direction direction, Kind kind, String text, int code,
    String reason, boolean keepalive, int length) {

  /** From whose side. */
  public enum Direction {
    SENT, RECEIVED;

    /** "sent", "received": as results.json writes it. */
    public String label() {
      return this == SENT ? "sent" : "received";
    }
  }

  /** What happened. */
  public enum Kind {
    /** The kit asked for a connection: {@code text} is the URL and the subprotocols offered. */
    OPEN,
    /** The upgrade succeeded: {@code text} says which subprotocol the server selected. */
    OPENED,
    /** The connection could not be opened: {@code text} says why. */
    OPEN_FAILED,
    /** A text frame. */
    TEXT,
    /** A binary frame, its bytes in hex. */
    BINARY,
    /** Another frame a raw connection sent or read (ping, pong, continuation): {@code code} is its opcode. */
    FRAME,
    /** A close frame. */
    CLOSE,
    /** The connection ended without a close frame (a drop, a reset): {@code reason} says how. */
    END,
    /** Events a bound of the transcript left out: {@code text} says how many. */
    OMITTED;

    /** "text", "open-failed": as results.json writes it. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Whether {@code text} was cut to a bound. */
  public boolean cut() {
    return text != null && length > text.length();
  }

  /** This event with {@code text} and {@code reason} passed through a redaction. */
  TranscriptEvent redacted(java.util.function.UnaryOperator<String> redact) {
    String t = redact.apply(text);
    return new TranscriptEvent(tMs, connection, direction, kind, t, code, redact.apply(reason), keepalive,
        cut() ? length : t == null ? 0 : t.length());
  }
}
