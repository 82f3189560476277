package io.longlink.client;

/** Why the client stopped for good. */
public enum CloseCause {
  /** The application called {@link LonglinkClient#close()} (LL-RC-5). */
  CLOSED_BY_APPLICATION,
  /**
   * The server refused the client with a code the close table marks "no" (4001, 4002, 4003,
   * 4007); it stays stopped until {@link LonglinkClient#updateToken(String)} (LL-RC-6).
   */
  REFUSED_BY_SERVER
}
