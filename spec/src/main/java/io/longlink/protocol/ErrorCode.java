package io.longlink.protocol;

import java.util.Optional;

/** The codes of the {@code error} message: the mirror of the error-code table in PROTOCOL.md §17. */
public enum ErrorCode {
  INVALID_MESSAGE("invalid_message", false),
  UNKNOWN_TYPE("unknown_type", false),
  NOT_MEMBER("not_member", false),
  QUEUE_FULL("queue_full", true),
  RATE_LIMITED("rate_limited", true),
  BAD_SIGNATURE("bad_signature", false),
  STALE_MESSAGE("stale_message", false),
  UNAVAILABLE("unavailable", true);

  private final String wireValue;
  private final boolean carriesRetryAfter;

  ErrorCode(String wireValue, boolean carriesRetryAfter) {
    this.wireValue = wireValue;
    this.carriesRetryAfter = carriesRetryAfter;
  }

  /** The value of the {@code code} member. */
  public String wireValue() {
    return wireValue;
  }

  /** Whether the error tells the client when to send the message again. */
  public boolean carriesRetryAfter() {
    return carriesRetryAfter;
  }

  /** The code with this wire value; clients treat an unknown one as a generic refusal (LL-ERRC-1). */
  public static Optional<ErrorCode> of(String wireValue) {
    for (ErrorCode c : values()) {
      if (c.wireValue.equals(wireValue)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
