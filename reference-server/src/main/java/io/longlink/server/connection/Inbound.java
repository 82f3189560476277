package io.longlink.server.connection;

/**
 * What a transport hands a connection, in the order it arrived on one thread: the far end of a
 * {@link Wire}. {@link Connection} is one; a {@link ConnectionInterceptor} may stand in front of it.
 */
public interface Inbound {

  /** The opening handshake completed. */
  void onOpen();

  /** A complete, valid UTF-8 text message. */
  void onText(String text);

  /** A complete text message whose bytes are not UTF-8 (LL-ERR-2). */
  void onInvalidText(byte[] bytes);

  /** A binary message (LL-ERR-1). */
  void onBinary();

  /** A control frame, a continuation, or part of a message still arriving: a sign of life (LL-HB-4). */
  void onOtherFrame();

  /** The connection closed, whoever closed it. */
  void onClosed(int code, String reason);
}
