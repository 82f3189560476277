package io.longlink.client.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The WebSocket binding on {@code java.net.http}: no thread per socket, subprotocols offered in
 * the handshake, any close code allowed, and {@code abort()} for a half-open link.
 */
public final class JdkTransport implements Transport {

  private final HttpClient http;

  /** A transport on its own HTTP client; {@code connectTimeout} bounds the TCP and TLS connect. */
  public JdkTransport(Duration connectTimeout) {
    this(HttpClient.newBuilder().connectTimeout(connectTimeout).build());
  }

  /** A transport on a configured HTTP client (proxy, TLS trust). */
  public JdkTransport(HttpClient http) {
    this.http = http;
  }

  @Override
  public Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    AtomicBoolean ended = new AtomicBoolean();
    Frames frames = new Frames(listener, ended);
    CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
        .subprotocols(subprotocol)
        .connectTimeout(openWithin)
        .buildAsync(uri, frames);
    socket.whenComplete((ws, failure) -> {
      if (failure != null && ended.compareAndSet(false, true)) {
        listener.closed(1006, "could not open " + uri + ": " + rootMessage(failure));
      }
    });
    return new JdkLink(socket, ended);
  }

  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** Joins fragments into frames and reports the end once. */
  private static final class Frames implements WebSocket.Listener {

    private final LinkListener listener;
    private final AtomicBoolean ended;
    private final StringBuilder partial = new StringBuilder();

    Frames(LinkListener listener, AtomicBoolean ended) {
      this.listener = listener;
      this.ended = ended;
    }

    @Override
    public void onOpen(WebSocket ws) {
      listener.opened();
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        listener.text(frame);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
      // Servers send text only (LL-TR-4); a binary frame is ignored, not a reason to drop the link.
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      if (ended.compareAndSet(false, true)) {
        listener.closed(code, reason);
      }
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      if (ended.compareAndSet(false, true)) {
        listener.closed(1006, rootMessage(error));
      }
    }
  }
}
