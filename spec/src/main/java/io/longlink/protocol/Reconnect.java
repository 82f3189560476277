package io.longlink.protocol;

/** What a client does after a close, per the close-code table of PROTOCOL.md §16. */
public enum Reconnect {
  /** Reconnect with backoff. */
  YES,
  /** Reconnect with backoff, waiting at least the retry_after_ms of the goaway that preceded the close. */
  AFTER_HINT,
  /** Do not reconnect until the application provides new credentials or configuration. */
  NO
}
