package io.longlink.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain WebSocket client (the JDK's, not the conformance kit) that records everything the
 * server sends and waits for it with deadlines, failing with what it expected and what it saw.
 */
public final class TestClient implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One thing the server did. */
  public record Event(String text, boolean binary, Integer closeCode, String closeReason, long atNanos) {
    boolean isClose() {
      return closeCode != null;
    }

    @Override
    public String toString() {
      return isClose() ? "close " + closeCode + " (" + closeReason + ")" : binary ? "a binary frame" : text;
    }
  }

  /** How the server closed the connection, and when (System.nanoTime). */
  public record Closed(int code, String reason, long atNanos) {}

  private static final java.util.concurrent.ScheduledExecutorService PINGER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-client-pinger");
        t.setDaemon(true);
        return t;
      });

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private static final String KEEPALIVE_ID = "test-client-keepalive";

  private volatile java.util.concurrent.ScheduledFuture<?> keepAlive;
  private final List<Event> skipped = new ArrayList<>();
  private Event closeSeen;
  private volatile JsonNode authOk;
  private final WebSocket socket;

  private TestClient(URI uri, String... subprotocols) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    this.socket = builder.buildAsync(uri, new Recorder()).get(5, TimeUnit.SECONDS);
  }

  /** Connects offering longlink.v1. */
  public static TestClient connect(URI uri) throws Exception {
    return new TestClient(uri, "longlink.v1");
  }

  /** Connects offering exactly these subprotocols (none for a client that does not speak Longlink). */
  public static TestClient connectOffering(URI uri, String... subprotocols) throws Exception {
    return new TestClient(uri, subprotocols);
  }

  /** Connects, authenticates, and returns the client once auth_ok arrived. */
  public static TestClient session(URI uri, String user) throws Exception {
    return session(uri, user, null, null);
  }

  /** A session that resumes after {@code lastSeq} of {@code epoch} and keeps itself alive with pings. */
  public static TestClient session(URI uri, String user, Long lastSeq, String epoch) throws Exception {
    TestClient client = connect(uri);
    client.authenticate(TestServer.token(user), lastSeq, epoch);
    return client.keepAlive(Duration.ofMillis(300));
  }

  public String subprotocol() {
    return socket.getSubprotocol();
  }

  public JsonNode authenticate(String token, Long lastSeq) throws Exception {
    return authenticate(token, lastSeq, null);
  }

  /** Sends auth with a resume point (either part may be null, to leave it out) and waits for auth_ok. */
  public JsonNode authenticate(String token, Long lastSeq, String epoch) throws Exception {
    send("{\"type\":\"auth\",\"token\":\"" + token + "\",\"client\":{\"name\":\"test\",\"version\":\"1\"}"
        + (lastSeq == null ? "" : ",\"last_seq\":" + lastSeq) + (epoch == null ? "" : ",\"epoch\":\"" + epoch + "\"") + "}");
    authOk = awaitType("auth_ok", Duration.ofSeconds(5));
    return authOk;
  }

  /** The epoch of this client's auth_ok. */
  public String epoch() {
    if (authOk == null) {
      throw new IllegalStateException("the client has no auth_ok yet");
    }
    return authOk.path("epoch").asText();
  }

  public synchronized void send(String text) {
    socket.sendText(text, true).join();
  }

  /** Pings every {@code interval} so that the server keeps the session through long waits; pongs are skipped. */
  public TestClient keepAlive(Duration interval) {
    keepAlive = PINGER.scheduleAtFixedRate(() -> {
      if (!socket.isOutputClosed()) {
        send("{\"type\":\"ping\",\"id\":\"" + KEEPALIVE_ID + "\"}");
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  public synchronized void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  /** The next message, whatever its type. */
  public JsonNode next(Duration timeout) throws Exception {
    Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (e == null || e.isClose() || e.binary()) {
      throw new AssertionError("expected a message within " + timeout.toMillis() + " ms; saw " + (e == null ? "nothing" : e));
    }
    return JSON.readTree(e.text());
  }

  /** The next message of this type; other messages are kept in {@link #skipped()}. */
  public JsonNode awaitType(String type, Duration timeout) throws Exception {
    return await(m -> type.equals(m.path("type").asText()), "a " + type + " message", timeout);
  }

  /** The next message matching {@code match}; others are kept in {@link #skipped()}. */
  public JsonNode await(Predicate<JsonNode> match, String what, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("expected " + what + " within " + timeout.toMillis() + " ms; saw nothing (skipped: " + skipped + ")");
      }
      if (e.isClose()) {
        closeSeen = e;
        throw new AssertionError("expected " + what + "; saw " + e);
      }
      if (!e.binary()) {
        JsonNode m = JSON.readTree(e.text());
        if (match.test(m)) {
          return m;
        }
      }
      skipped.add(e);
    }
  }

  /** Waits for the server to close the connection. */
  public Closed awaitClose(Duration timeout) throws Exception {
    if (closeSeen != null) {
      return new Closed(closeSeen.closeCode(), closeSeen.closeReason(), closeSeen.atNanos());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Event e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("expected a close within " + timeout.toMillis() + " ms; saw nothing (skipped: " + skipped + ")");
      }
      if (e.isClose()) {
        return new Closed(e.closeCode(), e.closeReason(), e.atNanos());
      }
      skipped.add(e);
    }
  }

  /** Fails if a message matching {@code match} arrives within the window; other messages are kept. */
  public void expectNone(Predicate<JsonNode> match, String what, Duration window) throws Exception {
    Event seen = firstWithin(e -> !e.isClose() && !e.binary() && match.test(JSON.readTree(e.text())), window);
    if (seen != null) {
      throw new AssertionError("expected no " + what + " within " + window.toMillis() + " ms; saw " + seen);
    }
  }

  /** Fails if the server closes the connection within the window; messages are kept in {@link #skipped()}. */
  public void expectOpenFor(Duration window) throws Exception {
    Event seen = firstWithin(Event::isClose, window);
    if (seen != null) {
      throw new AssertionError("expected the connection to stay open for " + window.toMillis() + " ms; saw " + seen);
    }
  }

  private interface EventTest {
    boolean test(Event e) throws Exception;
  }

  /** Waits out the window; returns the first event that passes {@code stop}, keeping the others. */
  private Event firstWithin(EventTest stop, Duration window) throws Exception {
    long deadline = System.nanoTime() + window.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      Event e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        return null;
      }
      if (stop.test(e)) {
        return e;
      }
      skipped.add(e);
    }
    return null;
  }

  public List<Event> skipped() {
    return skipped;
  }

  public boolean isOpen() {
    return !socket.isInputClosed();
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
        // The keepalive's pongs are the client's own business: a test waiting for "pong" must see only its own.
        if (!text.contains("\"" + KEEPALIVE_ID + "\"")) {
          events.add(new Event(text, false, null, null, System.nanoTime()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      if (last) {
        events.add(new Event(null, true, null, null, System.nanoTime()));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      events.add(new Event(null, false, statusCode, reason, System.nanoTime()));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      events.add(new Event(null, false, 1006, String.valueOf(error), System.nanoTime()));
    }
  }
}
