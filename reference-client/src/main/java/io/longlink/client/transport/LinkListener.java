package io.longlink.client.transport;

/**
 * What a link reports. Calls come from the transport's threads, one at a time per link, and
 * {@link #closed(int, String)} comes exactly once, last.
 */
public interface LinkListener {

  /** The opening handshake completed with the offered subprotocol. */
  void opened();

  /** A whole text frame (fragments already joined). */
  void text(String frame);

  /**
   * The link ended: the peer's close code and reason, or 1006 with a description when it ended
   * without a close frame (connection refused, reset, handshake failed).
   */
  void closed(int code, String reason);
}
