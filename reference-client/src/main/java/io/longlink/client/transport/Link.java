package io.longlink.client.transport;

/** One connection, from the opening handshake to its close. Safe to call from any thread. */
public interface Link {

  /** Sends one text frame; frames leave in the order of the calls. */
  void send(String text);

  /** Starts the closing handshake with this code and reason; the link ends soon after, answered or not. */
  void close(int code, String reason);

  /**
   * Drops the connection without a closing handshake: what a half-open link needs, since a peer
   * that is gone never answers a close frame.
   */
  void abort();
}
