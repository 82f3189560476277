package io.longlink.kit.preflight;

import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.settings.FixedTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;
import io.longlink.model.ServerMessage;
import io.longlink.protocol.Protocol;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One WebSocket opening handshake with the target before a run, offering {@code longlink.v1},
 * and one {@code auth} with the kit's token on it, so that an unreachable target, a wrong JWT
 * secret or a server that does not speak Longlink is one clear message instead of a hundred
 * failed scenarios: without a session the kit can test nothing.
 */
public final class Preflight {

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
  private static final MessageCodec CODEC = MessageCodec.create();

  private Preflight() {}

  /**
   * Opens and closes one connection to {@code settings.target()} with its headers and TLS trust.
   *
   * @param timeout how long the connection and the handshake may take
   * @throws IllegalArgumentException when a header or the CA file of the settings cannot be used
   */
  public static PreflightResult probe(KitSettings settings, Duration timeout) {
    return probe(settings, settings.target(), timeout);
  }

  /**
   * The same against one node of the target (one of {@link KitSettings#nodes()}): a cluster is only
   * checked when every node gives a session.
   */
  public static PreflightResult probe(KitSettings settings, URI node, Duration timeout) {
    OkHttpClient client = TlsTrust.apply(new OkHttpClient.Builder(), settings.insecure(), settings.caFile())
        .connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout).build();
    Request.Builder request = new Request.Builder().url(node.toString())
        .header("Sec-WebSocket-Protocol", Protocol.SUBPROTOCOL);
    settings.headers().forEach(request::header);

    CompletableFuture<PreflightResult> opened = new CompletableFuture<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    // Set on open: after it, a failure or silence is no session, not an unreachable target.
    AtomicBoolean handshook = new AtomicBoolean();
    String[] subprotocolHolder = new String[1];
    WebSocket socket = client.newWebSocket(request.build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        subprotocolHolder[0] = response.header("Sec-WebSocket-Protocol");
        handshook.set(true);
        webSocket.send(CODEC.encode(new Auth(token(settings), new ClientInfo("longlink-kit-preflight", Protocol.VERSION),
            null, null)));
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        DecodeResult<ServerMessage> decoded = CODEC.decodeServerMessage(text);
        if (decoded.isOk() && decoded.message() instanceof AuthOk) {
          opened.complete(PreflightResult.session(subprotocolHolder[0]));
        } else {
          opened.complete(PreflightResult.noSession(subprotocolHolder[0], "the server answered auth with "
              + abbreviate(text) + " instead of auth_ok; is this a Longlink " + Protocol.SUBPROTOCOL + " server?"));
        }
        webSocket.close(1000, "longlink preflight done");
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        opened.complete(PreflightResult.noSession(subprotocolHolder[0], refusal(code, reason)));
        webSocket.close(1000, "longlink preflight done");
      }

      @Override
      public void onClosed(WebSocket webSocket, int code, String reason) {
        closed.complete(null);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
        opened.complete(handshook.get()
            ? PreflightResult.noSession(subprotocolHolder[0], "the connection failed after the handshake, before an answer to "
                + "auth (" + failure + ")")
            : PreflightResult.unreachable(explain(failure, response, timeout)));
        closed.complete(null);
      }
    });
    try {
      PreflightResult result = opened.get(timeout.toMillis() + CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      closed.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return result;
    } catch (TimeoutException e) {
      return opened.getNow(handshook.get()
          ? PreflightResult.noSession(subprotocolHolder[0], "no answer to auth within " + timeout.toMillis() + " ms; is "
              + "this a Longlink " + Protocol.SUBPROTOCOL + " server?")
          : PreflightResult.unreachable("no WebSocket handshake within " + timeout.toMillis() + " ms"));
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

  /** Why a close before auth_ok means no session, and what the user can check. */
  static String refusal(int code, String reason) {
    String said = "the server closed the connection with " + code + (reason.isEmpty() ? "" : " '" + reason + "'")
        + " instead of answering auth with auth_ok";
    return switch (code) {
      case 4001 -> said + ": it refused the kit's token as invalid; check that the kit signs with the secret the server "
          + "verifies with (LONGLINK_JWT_SECRET), or give the server's own tokens with --token";
      case 4002 -> said + ": it found the kit's token expired; check the clocks of both machines, or the lifetime of "
          + "tokens given with --token";
      case 4003 -> said + ": it does not allow the kit's user; give tokens of users it allows with --token (see the "
          + "README on servers that authorise differently)";
      case 4007 -> said + ": it does not speak " + Protocol.SUBPROTOCOL;
      default -> said;
    };
  }

  private static String token(KitSettings settings) {
    if (settings.tokens() instanceof FixedTokenSource fixed) {
      return fixed.playingTokens().values().iterator().next();
    }
    return settings.tokens().token("preflight-" + settings.runId());
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
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
