package io.longlink.server.faults.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain WebSocket client (the JDK's) that records what it is sent, and how the connection
 * ended: a close frame, or the TCP connection gone without one. Every wait has a deadline.
 */
final class WireClient implements AutoCloseable {

  static final byte[] JWT_SECRET = "proxy-test-jwt-secret-0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One thing that came: a text or binary message, a close frame, or the end of the TCP connection without one. */
  record Event(Kind kind, String text, int code, String reason, long atNanos) {
    enum Kind { TEXT, BINARY, CLOSE, DROPPED }

    @Override
    public String toString() {
      return switch (kind) {
        case TEXT -> text;
        case BINARY -> "a binary message";
        case CLOSE -> "close " + code + " (" + reason + ")";
        case DROPPED -> "the connection dropped without a close frame (" + reason + ")";
      };
    }
  }

  private static final String KEEPALIVE_ID = "wire-client-keepalive";
  private static final java.util.concurrent.ScheduledExecutorService PINGER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wire-client-pinger");
        t.setDaemon(true);
        return t;
      });

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private volatile java.util.concurrent.ScheduledFuture<?> keepAlive;
  private final List<Event> skipped = new ArrayList<>();
  private final WebSocket socket;

  private WireClient(URI uri, String... subprotocols) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    socket = builder.buildAsync(uri, new Recorder()).get(5, TimeUnit.SECONDS);
  }

  static WireClient connect(URI uri, String... subprotocols) throws Exception {
    return new WireClient(uri, subprotocols);
  }

  /** Connects offering longlink.v1, authenticates as {@code user}, and returns once auth_ok came. */
  static WireClient session(URI uri, String user) throws Exception {
    WireClient client = connect(uri, "longlink.v1");
    client.send("{\"type\":\"auth\",\"token\":\"" + token(user) + "\",\"client\":{\"name\":\"proxy-test\",\"version\":\"1\"}}");
    client.awaitType("auth_ok", Duration.ofSeconds(5));
    return client;
  }

  static String token(String user) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
          .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("scope", "longlink").build());
      jwt.sign(new MACSigner(JWT_SECRET));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pings every 300 ms, so that the server keeps the session however slow the machine; those pongs are not recorded. */
  WireClient keepAlive() {
    keepAlive = PINGER.scheduleAtFixedRate(() -> {
      if (!socket.isOutputClosed()) {
        try {
          send("{\"type\":\"ping\",\"id\":\"" + KEEPALIVE_ID + "\"}");
        } catch (Exception e) {
          // The connection is going: the test sees how.
        }
      }
    }, 300, 300, TimeUnit.MILLISECONDS);
    return this;
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  synchronized void send(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  /** A WebSocket ping frame (not Longlink's ping message). */
  synchronized void sendPingFrame() throws Exception {
    socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).get(5, TimeUnit.SECONDS);
  }

  synchronized void sendBinary(byte[] data) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(data), true).get(5, TimeUnit.SECONDS);
  }

  /** The next message of this type; what comes before it is kept in {@link #skipped()}. */
  JsonNode awaitType(String type, Duration timeout) throws Exception {
    return await(m -> type.equals(m.path("type").asText()), "a " + type + " message", timeout);
  }

  JsonNode await(Predicate<JsonNode> match, String what, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = poll(deadline);
      if (e == null) {
        throw new AssertionError("expected " + what + " within " + timeout.toMillis() + " ms; saw nothing (before: " + skipped + ")");
      }
      if (e.kind() == Event.Kind.CLOSE || e.kind() == Event.Kind.DROPPED) {
        throw new AssertionError("expected " + what + "; saw " + e + " (before: " + skipped + ")");
      }
      if (e.kind() == Event.Kind.TEXT && match.test(JSON.readTree(e.text()))) {
        return JSON.readTree(e.text());
      }
      skipped.add(e);
    }
  }

  /** How the connection ended: a close frame or a drop; other events before it are kept. */
  Event awaitEnd(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event e = poll(deadline);
      if (e == null) {
        throw new AssertionError("expected the connection to end within " + timeout.toMillis() + " ms; it did not (saw: "
            + skipped + ")");
      }
      if (e.kind() == Event.Kind.CLOSE || e.kind() == Event.Kind.DROPPED) {
        return e;
      }
      skipped.add(e);
    }
  }

  /** Waits out {@code window}; the first event that came in it, or null for none. */
  Event anythingWithin(Duration window) throws Exception {
    return poll(System.nanoTime() + window.toNanos());
  }

  /** Fails when a message that matches comes within {@code window}, or the connection ends; others are kept. */
  void expectNone(Predicate<JsonNode> match, String what, Duration window) throws Exception {
    long deadline = System.nanoTime() + window.toNanos();
    Event e;
    while ((e = poll(deadline)) != null) {
      if (e.kind() == Event.Kind.CLOSE || e.kind() == Event.Kind.DROPPED) {
        throw new AssertionError("expected no " + what + " and the connection open for " + window.toMillis() + " ms; saw " + e);
      }
      if (e.kind() == Event.Kind.TEXT && match.test(JSON.readTree(e.text()))) {
        throw new AssertionError("expected no " + what + " within " + window.toMillis() + " ms; saw " + e);
      }
      skipped.add(e);
    }
  }

  List<Event> skipped() {
    return skipped;
  }

  boolean inputOpen() {
    return !socket.isInputClosed();
  }

  private Event poll(long deadlineNanos) throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    return left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    socket.abort();
  }

  private final class Recorder implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        if (!text.contains("\"" + KEEPALIVE_ID + "\"")) {
          events.add(new Event(Event.Kind.TEXT, text, 0, null, System.nanoTime()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      if (last) {
        events.add(new Event(Event.Kind.BINARY, null, 0, null, System.nanoTime()));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      events.add(new Event(Event.Kind.CLOSE, null, statusCode, reason, System.nanoTime()));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add(new Event(Event.Kind.DROPPED, null, 1006, String.valueOf(error), System.nanoTime()));
    }
  }
}
