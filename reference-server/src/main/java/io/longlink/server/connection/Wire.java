package io.longlink.server.connection;

/** What a connection needs from its transport: WebSocket today, long polling later. All methods are thread-safe and non-blocking. */
public interface Wire {

  /** Whether the client offered the longlink.v1 subprotocol. */
  boolean offeredSubprotocol();

  /** The raw query string of the connection URL, or null. */
  String query();

  /** The peer's address, for logs. */
  String remoteAddress();

  /** Queues a text frame; {@code done} runs when it was written or failed. */
  void sendText(String text, Runnable done);

  /** Queues a binary frame: Longlink sends none, an interceptor may (LL-TR-4 says why none). */
  void sendBinary(byte[] data);

  /** The session began: the transport stops counting this connection against its bounds on connections without one (LL-LIM-10). */
  void sessionStarted();

  /** Starts the closing handshake. */
  void close(int code, String reason);

  /** Drops the connection without a closing handshake: for a peer that stopped reading. */
  void abort();
}
