package io.longlink.server.faults.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a {@link FrameFilter} passes things on through: toward the server (the next filter, then
 * the server) or toward the client (the filter before it, then the client), and what it knows of
 * its connection.
 */
public interface Link {

  void toServer(String text);

  void binaryToServer();

  void invalidTextToServer(byte[] bytes);

  void toClient(String text);

  void binaryToClient(byte[] data);

  /** Closes the connection with this code and reason, as the server would. */
  void closeClient(int code, String reason);

  /** Runs {@code task} on this connection's chain after {@code delayMs}, unless it closed by then. */
  void after(long delayMs, Runnable task);

  /** Milliseconds since the epoch, on the clock the chain runs on. */
  long nowMs();

  /** This connection as the other connections of the server see it. */
  Peer self();

  /** The auth_ok the server sent on this connection, as it sent it; null before the session. */
  ObjectNode authOk();

  /** The user of this connection's session; null before it. */
  default String user() {
    ObjectNode ok = authOk();
    return ok == null ? null : ok.path("user_id").asText(null);
  }

  /** The raw query string of the connection URL, or null. */
  String query();
}
