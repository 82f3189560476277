package io.longlink.server.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A session that hands every message after auth_ok to a handler; sends never overlap, as the JDK's WebSocket requires. */
final class WsClient implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch authOk = new CountDownLatch(1);
  private final Consumer<JsonNode> handler;
  private volatile Integer closeCode;
  private WebSocket socket;
  private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

  private WsClient(Consumer<JsonNode> handler) {
    this.handler = handler;
  }

  static WsClient session(URI uri, String user, Consumer<JsonNode> handler) throws Exception {
    WsClient client = new WsClient(handler);
    client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).subprotocols("longlink.v1")
        .buildAsync(uri, client.new Listener()).get(20, TimeUnit.SECONDS);
    client.send("{\"type\":\"auth\",\"token\":\"" + TestServer.token(user) + "\",\"client\":{\"name\":\"attack\",\"version\":\"1\"}}");
    if (!client.authOk.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no auth_ok for " + user + " within 20 s (close " + client.closeCode + ")");
    }
    return client;
  }

  /** Sends a text frame once the previous one went out; false when the connection is gone. */
  synchronized boolean send(String text) {
    try {
      lastSend.get(20, TimeUnit.SECONDS);
      lastSend = socket.sendText(text, true);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  Integer closeCode() {
    return closeCode;
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          if ("auth_ok".equals(message.path("type").asText())) {
            authOk.countDown();
          } else {
            handler.accept(message);
          }
        } catch (Exception e) {
          throw new IllegalStateException("an unreadable frame from the server", e);
        } finally {
          partial.setLength(0);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode = statusCode;
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (closeCode == null) {
        closeCode = 1006;
      }
    }
  }
}
