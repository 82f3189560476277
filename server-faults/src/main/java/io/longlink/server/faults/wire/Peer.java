package io.longlink.server.faults.wire;

/**
 * One connection as another connection's filter reaches it: straight to its client or its
 * server, past its own filters. Thread-safe.
 */
public interface Peer {

  /** The user of the connection's session (peers are registered once the session began). */
  String user();

  void sendToClient(String text);

  void close(int code, String reason);
}
