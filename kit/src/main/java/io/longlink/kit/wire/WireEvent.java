package io.longlink.kit.wire;

import io.longlink.model.ServerMessage;
import io.longlink.protocol.CloseCode;

/**
 * One thing that happened on a connection, stamped with {@link System#nanoTime()} on arrival.
 *
 * @param kind what happened
 * @param atNanos when the kit saw it
 * @param message the decoded message, for {@link Kind#MESSAGE}
 * @param text the raw frame, for messages and invalid frames
 * @param code the close code, for {@link Kind#CLOSE}
 * @param reason the close reason, or what went wrong for {@link Kind#INVALID_FRAME} and failures
 */
public record WireEvent(Kind kind, long atNanos, ServerMessage message, String text, int code, String reason) {

  /** The kinds of events. */
  public enum Kind {
    /** A text frame that decoded into a valid server message. */
    MESSAGE,
    /** A frame that is not a valid server message: binary, not JSON, unknown type, schema violation. */
    INVALID_FRAME,
    /** The server's close frame, or the end of the connection without one (code 1006). */
    CLOSE
  }

  /** How people read it in a failure message. */
  public String describe() {
    return switch (kind) {
      case MESSAGE -> text;
      case INVALID_FRAME -> "an invalid frame (" + reason + "): " + abbreviate(text);
      case CLOSE -> code == 1006 ? "the connection end without a close frame (" + reason + ")"
          : "a close with code " + CloseCode.describe(code)
              + (reason == null || reason.isEmpty() ? "" : " and reason \"" + reason + "\"");
    };
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " characters)";
  }
}
