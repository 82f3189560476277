package io.longlink.client.driver.fault;

import io.longlink.client.time.ClientScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** Faults below the client's transport, in the JDK WebSocket it runs on: the handshake and the frames' kind. */
final class WebSocketFaults {

  private WebSocketFaults() {}

  /** LL-TR-1: the opening handshake offers no subprotocol. */
  static Fault noSubprotocol() {
    return builders(real -> new ForwardingBuilder(real) {
      @Override
      public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
        return this;
      }
    });
  }

  /** LL-TR-5: pings leave as binary frames. */
  static Fault binaryPings() {
    return sockets((socket, listener) -> new ForwardingSocket(socket) {
      @Override
      public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        if (Frames.type(Frames.parse(data.toString())).equals("ping")) {
          return super.sendBinary(ByteBuffer.wrap(data.toString().getBytes(StandardCharsets.UTF_8)), last);
        }
        return super.sendText(data, last);
      }
    }, UnaryOperator.identity());
  }

  /**
   * LL-TR-6: every ping also goes out as a WebSocket ping control frame, and each control pong
   * that comes back reaches the client as a Longlink pong: life as the WebSocket layer sees it.
   */
  static Fault controlFramesCount(ClientScheduler clock) {
    return sockets((socket, listener) -> new ForwardingSocket(socket) {
      @Override
      public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
        CompletableFuture<WebSocket> sent = super.sendText(data, last);
        if (Frames.type(Frames.parse(data.toString())).equals("ping")) {
          return sent.thenCompose(ws -> ws.sendPing(ByteBuffer.allocate(0)));
        }
        return sent;
      }
    }, listener -> new ForwardingListener(listener) {
      @Override
      public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        listener.onText(ws, "{\"type\":\"pong\",\"ts\":" + clock.now() + "}", true);
        return null;
      }
    });
  }

  private static Fault builders(UnaryOperator<WebSocket.Builder> change) {
    return new Fault() {
      @Override
      public HttpClient http(HttpClient real) {
        return new ForwardingHttpClient(real, change);
      }
    };
  }

  /** A socket decorator built for each connection, around the JDK's socket and the transport's listener. */
  interface SocketFault {
    WebSocket wrap(WebSocket socket, WebSocket.Listener listener);
  }

  private static Fault sockets(SocketFault sockets, UnaryOperator<WebSocket.Listener> listeners) {
    return builders(real -> new ForwardingBuilder(real) {
      @Override
      public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
        WebSocket.Listener heard = listeners.apply(listener);
        return real.buildAsync(uri, heard).thenApply(ws -> sockets.wrap(ws, heard));
      }
    });
  }

  /** Passes every builder call on. */
  private static class ForwardingBuilder implements WebSocket.Builder {
    final WebSocket.Builder real;

    ForwardingBuilder(WebSocket.Builder real) {
      this.real = real;
    }

    @Override
    public WebSocket.Builder header(String name, String value) {
      real.header(name, value);
      return this;
    }

    @Override
    public WebSocket.Builder connectTimeout(Duration timeout) {
      real.connectTimeout(timeout);
      return this;
    }

    @Override
    public WebSocket.Builder subprotocols(String mostPreferred, String... lesserPreferred) {
      real.subprotocols(mostPreferred, lesserPreferred);
      return this;
    }

    @Override
    public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
      return real.buildAsync(uri, listener);
    }
  }
}
