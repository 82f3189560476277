package io.longlink.server.faults.wire;

/**
 * One stage of a connection's filter chain: it sees what the client sends before the server does,
 * and what the server sends before the client does, and passes it on through its {@link Link},
 * changed, repeated, delayed or not at all. Every method passes things on unchanged unless a
 * filter says otherwise. The same filters run inside the reference server (as its connection
 * interceptor) and in the breaking proxy in front of any server; the chain calls one connection's
 * filters one at a time.
 */
public interface FrameFilter {

  /** A text message from the client. */
  default void fromClient(String text, Link link) {
    link.toServer(text);
  }

  /** A binary message from the client. */
  default void binaryFromClient(Link link) {
    link.binaryToServer();
  }

  /** A text message from the client that is not UTF-8. */
  default void invalidTextFromClient(byte[] bytes, Link link) {
    link.invalidTextToServer(bytes);
  }

  /** A text message from the server. */
  default void fromServer(String text, Link link) {
    link.toClient(text);
  }

  /** The server closes the connection. */
  default void serverCloses(int code, String reason, Link link) {
    link.closeClient(code, reason);
  }

  /** The connection ended, whoever ended it. */
  default void closed(Link link) {}

  /** Whether the client offered longlink.v1, as the server is to believe. */
  default boolean offeredSubprotocol(boolean offered) {
    return offered;
  }

  /** The subprotocol the handshake response selects, given the server's choice (null: none). */
  default String subprotocol(String chosen) {
    return chosen;
  }

  /** The largest text message the transport reads, given the server's limit. */
  default long maxMessageBytes(long configured) {
    return configured;
  }
}
