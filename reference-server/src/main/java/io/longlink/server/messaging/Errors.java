package io.longlink.server.messaging;

import io.longlink.model.ErrorMessage;
import io.longlink.protocol.ErrorCode;

/** Builds error messages that say what was wrong and what to do (PROTOCOL.md LL-ERR-7). */
public final class Errors {

  private Errors() {}

  /** The schema's bound on {@code message} and {@code pointer}: longer text is cut, so the error stays valid (LL-MSG-1). */
  private static final int MAX_TEXT = 1024;

  public static ErrorMessage of(ErrorCode code, String message, String ref) {
    return new ErrorMessage(code.wireValue(), fit(message), ref, null, null);
  }

  public static ErrorMessage retryable(ErrorCode code, String message, String ref, long retryAfterMs) {
    return new ErrorMessage(code.wireValue(), fit(message), ref, null, retryAfterMs);
  }

  public static ErrorMessage invalid(String message, String ref, String pointer) {
    return new ErrorMessage(ErrorCode.INVALID_MESSAGE.wireValue(), fit(message), ref,
        pointer == null ? null : fit(pointer), null);
  }

  private static String fit(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
  }
}
