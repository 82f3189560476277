package io.longlink.server.transport;

import io.longlink.protocol.CloseCode;
import io.longlink.server.connection.Connection;
import io.longlink.server.connection.ConnectionContext;
import io.longlink.server.connection.ConnectionInterceptor;
import io.longlink.server.connection.Inbound;
import io.longlink.server.connection.Wire;
import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketFrame;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts one Jetty WebSocket to a {@link Connection}. It takes raw frames (not Jetty's assembled
 * messages) so that size, UTF-8 and binary frames get exactly the outcomes of PROTOCOL.md §15;
 * in exchange it answers WebSocket pings itself.
 */
@WebSocket(autoDemand = true)
public final class JettyEndpoint implements Wire {

  private static final Logger LOG = LoggerFactory.getLogger(JettyEndpoint.class);
  /** How long the rest of an oversize message is read and dropped before the 1009 close (see TextAssembler). */
  private static final long DISCARD_LIMIT_MS = 10_000;

  private final boolean offeredSubprotocol;
  private final String query;
  private final String remoteAddress;
  private final TextAssembler assembler;
  private final Runnable sessionStarted;
  private final Connection connection;
  /** Where frames go: the connection, or an interceptor in front of it. */
  private final Inbound inbound;
  private volatile Session session;
  private boolean inBinaryMessage;
  private boolean discardTimerSet;

  JettyEndpoint(ConnectionContext ctx, boolean offeredSubprotocol, String query, String remoteAddress, long maxBytes,
      ConnectionInterceptor interceptor, Runnable sessionStarted) {
    this.offeredSubprotocol = offeredSubprotocol;
    this.query = query;
    this.remoteAddress = remoteAddress;
    this.assembler = new TextAssembler(maxBytes);
    this.sessionStarted = sessionStarted;
    this.connection = new Connection(ctx, interceptor == null ? this : interceptor.wire(this));
    this.inbound = interceptor == null ? connection : interceptor.inbound(connection);
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.session = session;
    inbound.onOpen();
  }

  @OnWebSocketFrame
  public void onFrame(Frame frame, Callback callback) {
    try {
      switch (frame.getType()) {
        case TEXT -> text(frame);
        case BINARY -> binary(frame);
        case CONTINUATION -> continuation(frame);
        case PING -> {
          session.sendPong(copy(frame.getPayload()), Callback.NOOP);
          inbound.onOtherFrame();
        }
        case PONG -> inbound.onOtherFrame();
        // The session ends when the client says so, before the close reply goes out: a client
        // that sees the reply can rely on the server no longer counting it as connected.
        case CLOSE -> inbound.onClosed(closeCode(frame), frame.getCloseStatus() == null ? null : frame.getCloseStatus().reason());
      }
    } catch (RuntimeException e) {
      // LL-ERR-6: a defect takes down neither the server nor another connection; it ends this one with the code that says so.
      LOG.error("unexpected failure on a frame from {}", remoteAddress, e);
      close(CloseCode.INTERNAL_ERROR.code(), "internal_error");
    } finally {
      callback.succeed();
    }
  }

  private void text(Frame frame) {
    inBinaryMessage = false;
    assemble(frame);
  }

  private void continuation(Frame frame) {
    if (inBinaryMessage) {
      inbound.onOtherFrame();
    } else {
      assemble(frame);
    }
  }

  private void binary(Frame frame) {
    inBinaryMessage = true;
    inbound.onBinary();
  }

  private void assemble(Frame frame) {
    switch (assembler.add(frame.getPayload(), frame.isFin())) {
      case MORE -> inbound.onOtherFrame();
      case COMPLETE -> {
        inbound.onText(assembler.text());
      }
      case DISCARDING -> {
        inbound.onOtherFrame();
        if (!discardTimerSet) {
          discardTimerSet = true;
          connection.after(DISCARD_LIMIT_MS, this::closeTooBig);
        }
      }
      case TOO_BIG -> closeTooBig();
      case INVALID_UTF8 -> inbound.onInvalidText(assembler.invalidBytes());
    }
  }

  /** LL-LIM-1: 1009 for a message over limits.max_message_bytes, once the rest of it has been read (TextAssembler says why). */
  private void closeTooBig() {
    close(CloseCode.MESSAGE_TOO_BIG.code(),
        "message_too_big: a frame is larger than limits.max_message_bytes (" + assembler.limit() + ")");
  }

  @OnWebSocketClose
  public void onClose(int code, String reason) {
    inbound.onClosed(code, reason);
  }

  @OnWebSocketError
  public void onError(Throwable cause) {
    LOG.debug("WebSocket error from {}: {}", remoteAddress, cause.toString());
  }

  @Override
  public boolean offeredSubprotocol() {
    return offeredSubprotocol;
  }

  @Override
  public String query() {
    return query;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void sessionStarted() {
    sessionStarted.run();
  }

  @Override
  public void sendText(String text, Runnable done) {
    session.sendText(text, Callback.from(done, failure -> done.run()));
  }

  @Override
  public void sendBinary(byte[] data) {
    session.sendBinary(ByteBuffer.wrap(data), Callback.NOOP);
  }

  @Override
  public void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, reason, Callback.NOOP);
    }
  }

  @Override
  public void abort() {
    Session s = session;
    if (s != null) {
      s.disconnect();
    }
  }

  private static int closeCode(Frame frame) {
    return frame.getCloseStatus() == null ? 1005 : frame.getCloseStatus().statusCode();
  }

  private static ByteBuffer copy(ByteBuffer payload) {
    if (payload == null) {
      return ByteBuffer.allocate(0);
    }
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
    copy.put(payload.duplicate()).flip();
    return copy;
  }
}
