package io.longlink.kit.preflight;

import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.Protocol;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One WebSocket opening handshake with the target before a run, offering {@code longlink.v1},
 * so that an unreachable target is one clear message instead of a hundred failed scenarios.
 */
public final class Preflight {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

  private Preflight() {}

  /**
   * Opens and closes one connection to {@code settings.target()} with its headers and TLS trust.
   *
   * @param timeout how long the connection and the handshake may take
   * @throws IllegalArgumentException when a header or the CA file of the settings cannot be used
   */
  public static PreflightResult probe(KitSettings settings, Duration timeout) {
    OkHttpClient client = TlsTrust.apply(new OkHttpClient.Builder(), settings.insecure(), settings.caFile())
        .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout).build();
    Request.Builder request = new Request.Builder().url(settings.target().toString())
        .header("Sec-WebSocket-Protocol", Protocol.SUBPROTOCOL);
    settings.headers().forEach(request::header);

    CompletableFuture<PreflightResult> opened = new CompletableFuture<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    WebSocket socket = client.newWebSocket(request.build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(PreflightResult.reached(response.header("Sec-WebSocket-Protocol")));
        webSocket.close(1000, "longlink preflight done");
      }

      @Override
      public void onClosed(WebSocket webSocket, int code, String reason) {
        closed.complete(null);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        opened.complete(PreflightResult.unreachable(explain(failure, response, timeout)));
        closed.complete(null);
      }
    });
    try {
      PreflightResult result = opened.get(timeout.toMillis() + CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return result;
    } catch (TimeoutException e) {
      return opened.getNow(PreflightResult.unreachable("no WebSocket handshake within " + timeout.toMillis() + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PreflightResult.unreachable("interrupted while connecting");
    } catch (ExecutionException e) {
      return PreflightResult.unreachable(e.getCause().toString());
    } finally {
      socket.cancel();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static String explain(Throwable failure, Response response, Duration timeout) {
    if (response != null) {
      return "the server answered HTTP " + response.code() + (response.message().isEmpty() ? "" : " " + response.message())
          + " instead of switching to WebSocket; check the path of the URL (the reference server serves /ws)";
    }
    if (failure instanceof ConnectException) {
      return "connection refused: nothing listens at that host and port (" + failure.getMessage() + ")";
    }
    if (failure instanceof UnknownHostException) {
      return "unknown host: " + failure.getMessage();
    }
    if (failure instanceof SocketTimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    if (failure instanceof SSLException) {
      return "the TLS handshake failed (" + failure.getMessage() + "); for a server with a private CA give --ca-file PEM, "
          + "for a self-signed test server --insecure";
    }
    return failure.toString();
  }
}
