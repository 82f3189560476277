package io.longlink.server.connection;

/**
 * A seam between one connection and its transport, in both directions: it sees every message the
 * client sent before the connection does, and everything the connection sends before the client
 * does. The reference server installs none; tests and tools that need a server to misbehave on
 * the wire (the conformance kit's proof that its checks can fail) install one from outside.
 */
public interface ConnectionInterceptor {

  /** Wraps the transport the connection sends through. */
  Wire wire(Wire toClient);

  /** Wraps the connection the transport hands messages to. */
  Inbound inbound(Inbound toConnection);

  /** The subprotocol the handshake response selects, given the one the server chose (null: none). */
  default String subprotocol(String chosen) {
    return chosen;
  }

  /** The largest text message the transport reads, given the configured limit (LL-LIM-1). */
  default long maxMessageBytes(long configured) {
    return configured;
  }

  /** Makes one interceptor for each new connection. */
  @FunctionalInterface
  interface Factory {
    ConnectionInterceptor open();
  }
}
