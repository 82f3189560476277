package io.longlink.kit.client.harness;

import io.longlink.codec.DecodeResult;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.model.ClientMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketFrame;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/**
 * The WebSocket end of a harness connection. It takes raw frames, not Jetty's assembled
 * messages, so that it sees binary frames and control frames as they come (LL-TR-5, LL-TR-6)
 * and answers WebSocket pings only when the script says so. Every text frame is checked
 * against the client's schemas (LL-MSG-4).
 */
@WebSocket(autoDemand = true)
public final class HarnessSocket {

  private final HarnessServer harness;
  private final HarnessConnection connection;
  private final ByteArrayOutputStream text = new ByteArrayOutputStream();
  private Session session;
  private boolean inBinary;

  HarnessSocket(HarnessServer harness, HarnessConnection connection) {
    this.harness = harness;
    this.connection = connection;
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    this.session = session;
    connection.opened(session);
  }

  @OnWebSocketFrame
  public void onFrame(Frame frame, Callback callback) {
    // Stamped before decoding: schema validation is slow while cold, and would skew rates and gaps.
    long arrived = System.nanoTime();
    try {
      switch (frame.getType()) {
        case TEXT -> {
          inBinary = false;
          assemble(frame, arrived);
        }
        case CONTINUATION -> {
          if (!inBinary) {
            assemble(frame, arrived);
          }
        }
        case BINARY -> {
          inBinary = true;
          connection.problem("LL-TR-5", "sent a binary frame");
        }
        case PING -> {
          if (connection.script().answerControlPings) {
            session.sendPong(copy(frame.getPayload()), Callback.NOOP);
          }
        }
        case CLOSE -> {
          Frame.CloseStatus status = frame.getCloseStatus();
          harness.recorder().add(new HarnessEvent(Kind.CLOSE_IN, connection.index(), System.nanoTime(),
              status == null ? null : status.reason(), null, status == null ? 1005 : status.statusCode()));
        }
        default -> { }
      }
    } finally {
      callback.succeed();
    }
  }

  /** Drops and abrupt ends are what scenarios do; the recorder has them already, as TCP events. */
  @OnWebSocketError
  public void onError(Throwable cause) {
    // Nothing to add: a broken socket is an outcome the scenario judges, not a harness failure.
  }

  private void assemble(Frame frame, long arrived) {
    ByteBuffer payload = frame.getPayload();
    if (payload != null) {
      byte[] bytes = new byte[payload.remaining()];
      payload.duplicate().get(bytes);
      text.writeBytes(bytes);
    }
    if (!frame.isFin()) {
      return;
    }
    String frameText = text.toString(StandardCharsets.UTF_8);
    int bytes = text.size();
    text.reset();
    DecodeResult<ClientMessage> decoded = harness.codec().decodeClientMessage(frameText);
    ClientMessage message = decoded.isOk() ? decoded.message() : null;
    harness.recorder().add(new HarnessEvent(Kind.FRAME_IN, connection.index(), arrived, frameText, message, bytes));
    if (message == null) {
      String rule = decoded.error().unreadable() ? "LL-TR-5" : "LL-MSG-4";
      connection.problem(rule, "sent a frame that is not a valid client message (" + decoded.error().detail() + ")");
      return;
    }
    connection.received(message);
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
