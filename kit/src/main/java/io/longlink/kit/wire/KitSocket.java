package io.longlink.kit.wire;

import io.longlink.codec.DecodeResult;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.KitSettings;
import io.longlink.model.ClientMessage;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One WebSocket to the target, as a recorder: every frame the server sends is validated against
 * its schema and kept with its arrival time; steps wait for what they expect with a deadline and
 * fail with what they expected and what they saw. Negative scenarios send raw frames.
 */
public final class KitSocket implements AutoCloseable {

  /** Keepalive pings carry ids with this prefix, so their pongs can be told apart and ignored. */
  public static final String KEEPALIVE_PREFIX = "kit-keepalive-";

  private static final MessageCodec CODEC = MessageCodec.create();
  private static final ScheduledExecutorService KEEPALIVE = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "kit-keepalive");
    t.setDaemon(true);
    return t;
  });
  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_HANDSHAKE = Duration.ofSeconds(5);

  private final String name;
  private final TranscriptRecorder.Connection transcript;
  private final EventLog log = new EventLog();
  private final List<String> problems = new ArrayList<>();
  private final AtomicLong lastSentNanos = new AtomicLong(System.nanoTime());
  private final AtomicLong keepaliveCount = new AtomicLong();
  private final CompletableFuture<Response> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile WebSocket socket;
  private volatile ScheduledFuture<?> keepalive;
  private volatile String selectedSubprotocol;
  /** Set when the kit itself dropped the connection: the end that follows is its own doing, not news. */
  private volatile boolean dropped;

  private KitSocket(String name) {
    this.name = name;
    this.transcript = TranscriptRecorder.current().connection(name);
  }

  /**
   * Opens a connection to the installed target.
   *
   * @param name how failure messages call it, e.g. "alice's connection"
   * @param subprotocols the subprotocols to offer; empty offers none
   * @param query a query string to append to the target URL, or null
   */
  public static KitSocket open(String name, List<String> subprotocols, String query) {
    return open(name, KitSettings.current().target(), subprotocols, query);
  }

  /**
   * Opens a connection to one node of the installed target, with the target's headers and TLS trust.
   *
   * @param node one of {@link KitSettings#nodes()}
   */
  public static KitSocket open(String name, URI node, List<String> subprotocols, String query) {
    RunBudget.spendConnection();
    KitSettings settings = KitSettings.current();
    KitSocket socket = new KitSocket(name);
    URI target = node;
    String url = target.toString();
    if (query != null) {
      url += (target.getRawQuery() == null ? "?" : "&") + query;
    }
    Request.Builder request = new Request.Builder().url(url.replaceFirst("^ws", "http"));
    settings.headers().forEach(request::header);
    if (!subprotocols.isEmpty()) {
      request.header("Sec-WebSocket-Protocol", String.join(", ", subprotocols));
    }
    socket.transcript.open(url, subprotocols);
    socket.socket = HttpClients.forCurrentRun().newWebSocket(request.build(), socket.new Listener());
    socket.awaitOpen();
    return socket;
  }

  private void awaitOpen() {
    try {
      Response response = opened.get(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      selectedSubprotocol = response.header("Sec-WebSocket-Protocol");
      transcript.opened(selectedSubprotocol);
    } catch (ExecutionException e) {
      transcript.openFailed(String.valueOf(e.getCause().getMessage()));
      throw new CheckFailure("the target to accept a WebSocket upgrade for " + name,
          "the opening handshake failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      transcript.openFailed("no answer within " + OPEN_TIMEOUT.toMillis() + " ms");
      socket.cancel();
      throw new CheckFailure("the target to accept a WebSocket upgrade within " + OPEN_TIMEOUT.toMillis() + " ms",
          "no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting", e);
    }
  }

  /** The name failure messages use. */
  public String name() {
    return name;
  }

  /** The subprotocol the server selected, if any. */
  public Optional<String> selectedSubprotocol() {
    return Optional.ofNullable(selectedSubprotocol);
  }

  /** Sends a message; false when the connection is already closing. */
  public boolean send(ClientMessage message) {
    return sendText(CODEC.encode(message));
  }

  /** Sends a raw text frame, exactly as given. */
  public boolean sendText(String text) {
    return sendText(text, false);
  }

  private boolean sendText(String text, boolean keepalive) {
    RunBudget.spendMessage();
    lastSentNanos.set(System.nanoTime());
    boolean queued = socket.send(text);
    transcript.text(TranscriptEvent.Direction.SENT, text, keepalive, queued ? null : "not sent: the connection is closing");
    return queued;
  }

  /** Sends a binary frame. */
  public boolean sendBinary(byte[] data) {
    RunBudget.spendMessage();
    lastSentNanos.set(System.nanoTime());
    boolean queued = socket.send(ByteString.of(data));
    transcript.binary(TranscriptEvent.Direction.SENT, data, queued ? null : "not sent: the connection is closing");
    return queued;
  }

  /** When the kit last sent a frame on this connection. */
  public long lastSentNanos() {
    return lastSentNanos.get();
  }

  /**
   * Pings whenever the connection has sent nothing for {@code quiet}, as a well-behaved client
   * does (LL-HB-1), so that long scenarios keep their sessions. The pongs are ignored.
   */
  public void keepAlive(Duration quiet) {
    stopKeepAlive();
    long quietNanos = quiet.toNanos();
    keepalive = KEEPALIVE.scheduleAtFixedRate(() -> {
      if (System.nanoTime() - lastSentNanos.get() >= quietNanos) {
        sendText(CODEC.encode(new Ping(KEEPALIVE_PREFIX + keepaliveCount.incrementAndGet())), true);
      }
    }, quiet.toMillis() / 4, Math.max(10, quiet.toMillis() / 4), TimeUnit.MILLISECONDS);
  }

  /** Stops pinging: for scenarios about silence, or about what else keeps a session alive. */
  public void stopKeepAlive() {
    ScheduledFuture<?> k = keepalive;
    if (k != null) {
      k.cancel(false);
    }
  }

  /** Waits for the first message of this type that matches; other messages stay for later waits. */
  public <T extends ServerMessage> Received<T> expect(Class<T> type, Predicate<? super T> match, Duration within,
      String expectation) {
    EventLog.Outcome outcome = await(e -> e.kind() == WireEvent.Kind.MESSAGE && type.isInstance(e.message())
        && match.test(type.cast(e.message())), within, expectation);
    if (!outcome.found()) {
      throw failure(expectation + " within " + within.toMillis() + " ms", outcome);
    }
    return new Received<>(type.cast(outcome.event().message()), outcome.event().atNanos());
  }

  /** Waits for the next message, whatever it is, not skipping any (but the keepalive's pongs). */
  public Received<ServerMessage> next(Duration within, String expectation) {
    return next(Deadline.after(within), expectation);
  }

  /**
   * The next message before a deadline shared by a loop over several messages, so that the loop
   * ends however many other messages the server sends meanwhile.
   */
  public Received<ServerMessage> next(Deadline deadline, String expectation) {
    EventLog.Outcome outcome = await(e -> true, deadline.left(), expectation);
    if (!outcome.found() || outcome.event().kind() != WireEvent.Kind.MESSAGE) {
      WireEvent e = outcome.found() ? outcome.event() : outcome.closedFirst();
      throw new CheckFailure(expectation + " within " + deadline.total().toMillis() + " ms",
          e == null ? describe(outcome.seen()) : e.describe());
    }
    return new Received<>(outcome.event().message(), outcome.event().atNanos());
  }

  /** Waits for the server to close the connection (or for the connection to end). */
  public Closed expectClose(Duration within, String expectation) {
    EventLog.Outcome outcome = await(e -> e.kind() == WireEvent.Kind.CLOSE, within, expectation);
    if (!outcome.found()) {
      throw failure(expectation + " within " + within.toMillis() + " ms", outcome);
    }
    return new Closed(outcome.event().code(), outcome.event().reason(), outcome.event().atNanos());
  }

  /** Fails when a matching message (or a close, if {@code closeCounts}) arrives within the window. */
  public <T extends ServerMessage> void expectNone(Class<T> type, Predicate<? super T> match, Duration window,
      String what) {
    Optional<WireEvent> seen = watch(e -> e.kind() == WireEvent.Kind.MESSAGE && type.isInstance(e.message())
        && match.test(type.cast(e.message())), window, "no " + what + " for " + window.toMillis() + " ms");
    if (seen.isPresent()) {
      throw new CheckFailure("no " + what + " within " + window.toMillis() + " ms", seen.get().describe());
    }
  }

  /** Fails when the connection closes within the window. */
  public void expectOpenFor(Duration window, String why) {
    Optional<WireEvent> closed = watch(e -> e.kind() == WireEvent.Kind.CLOSE, window,
        "the connection to stay open for " + window.toMillis() + " ms (" + why + ")");
    if (closed.isPresent()) {
      throw new CheckFailure("the connection to stay open for " + window.toMillis() + " ms (" + why + ")",
          closed.get().describe());
    }
  }

  /** Frames that were not valid server messages: each one breaks LL-MSG-1 or LL-TR-4. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** Everything received, for failure messages. */
  public List<WireEvent> history() {
    return log.all();
  }

  /**
   * Closes the connection the way a client that is done does (1000), and waits for the server's
   * close reply, so that the next step can rely on the server having seen the close.
   */
  @Override
  public void close() {
    stopKeepAlive();
    if (socket.close(1000, "done")) {
      transcript.close(TranscriptEvent.Direction.SENT, 1000, "done");
      try {
        finished.get(CLOSE_HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // No reply in time: the socket is dropped below, which is all a client can do.
      }
    }
    if (!finished.isDone() && !ended.get()) {
      transcript.end(TranscriptEvent.Direction.SENT, "dropped by the kit after its close got no reply");
    }
    dropped = true;
    socket.cancel();
  }

  /** Drops the connection without a closing handshake, as a killed app does. */
  public void drop() {
    stopKeepAlive();
    if (!ended.get() && !dropped) {
      transcript.end(TranscriptEvent.Direction.SENT, "dropped by the kit");
    }
    dropped = true;
    socket.cancel();
  }

  /** Waits within its own timeout, cut to the scenario's deadline: a cut wait fails as an overrun. */
  private EventLog.Outcome await(Predicate<WireEvent> match, Duration within, String expectation) {
    Duration capped = ScenarioDeadline.cap(within);
    try {
      EventLog.Outcome outcome = log.take(match, EventLog.deadline(capped.toMillis()));
      if (!outcome.found() && outcome.closedFirst() == null && capped.compareTo(within) < 0) {
        throw ScenarioDeadline.overrun(expectation + " on " + name, () -> describe(outcome.seen()));
      }
      return outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  /** Watches a window, cut to the scenario's deadline: a window that could not be watched whole fails. */
  private Optional<WireEvent> watch(Predicate<WireEvent> match, Duration window, String expectation) {
    Duration capped = ScenarioDeadline.cap(window);
    try {
      Optional<WireEvent> seen = log.watch(match, EventLog.deadline(capped.toMillis()));
      if (seen.isEmpty() && capped.compareTo(window) < 0) {
        throw ScenarioDeadline.overrun(expectation + " on " + name, () -> "nothing that breaks it so far");
      }
      return seen;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }

  private CheckFailure failure(String expectation, EventLog.Outcome outcome) {
    if (outcome.closedFirst() != null) {
      List<WireEvent> before = outcome.seen().stream().filter(e -> e.kind() != WireEvent.Kind.CLOSE)
          .collect(Collectors.toList());
      return CloseCodes.judge(outcome.closedFirst().code(), new CheckFailure(expectation + " on " + name,
          outcome.closedFirst().describe() + (before.isEmpty() ? "" : ", after " + describe(before))));
    }
    return new CheckFailure(expectation + " on " + name, describe(outcome.seen()));
  }

  private static String describe(List<WireEvent> events) {
    if (events.isEmpty()) {
      return "nothing";
    }
    String shown = events.stream().limit(8).map(WireEvent::describe).collect(Collectors.joining("; "));
    return "only " + shown + (events.size() > 8 ? "; and " + (events.size() - 8) + " more" : "");
  }

  private void received(String text) {
    long at = System.nanoTime();
    DecodeResult<ServerMessage> decoded = CODEC.decodeServerMessage(text);
    if (decoded.isOk()) {
      ServerMessage m = decoded.message();
      boolean keepalivePong = m instanceof Pong p && p.id() != null && p.id().startsWith(KEEPALIVE_PREFIX);
      transcript.text(TranscriptEvent.Direction.RECEIVED, text, keepalivePong, null);
      log.add(new WireEvent(WireEvent.Kind.MESSAGE, at, m, text, 0, null), keepalivePong);
    } else {
      synchronized (this) {
        problems.add(decoded.error().detail() + " in: " + WireEvent.abbreviate(text));
      }
      transcript.text(TranscriptEvent.Direction.RECEIVED, text, false, "invalid: " + decoded.error().detail());
      log.add(new WireEvent(WireEvent.Kind.INVALID_FRAME, at, null, text, 0, decoded.error().detail()), false);
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      opened.complete(response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      String detail = "a binary frame of " + bytes.size() + " bytes; Longlink servers send text frames only";
      synchronized (KitSocket.this) {
        problems.add(detail);
      }
      transcript.binary(TranscriptEvent.Direction.RECEIVED, bytes.toByteArray(), "invalid: Longlink servers send text frames only");
      log.add(new WireEvent(WireEvent.Kind.INVALID_FRAME, System.nanoTime(), null, bytes.utf8(), 0, detail), false);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      ended.set(true);
      transcript.close(TranscriptEvent.Direction.RECEIVED, code, reason);
      log.add(new WireEvent(WireEvent.Kind.CLOSE, System.nanoTime(), null, null, code, reason), false);
      stopKeepAlive();
      if (webSocket.close(1000, null)) {
        transcript.close(TranscriptEvent.Direction.SENT, 1000, "");
      }
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      finished.complete(null);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      finished.complete(null);
      if (!opened.isDone()) {
        opened.completeExceptionally(response == null ? t
            : new IllegalStateException("HTTP " + response.code() + " " + response.message() + " (" + t.getMessage() + ")"));
        return;
      }
      stopKeepAlive();
      if (ended.compareAndSet(false, true)) {
        if (!dropped) {
          transcript.end(TranscriptEvent.Direction.RECEIVED, "the connection ended: " + t.getMessage());
        }
        log.add(new WireEvent(WireEvent.Kind.CLOSE, System.nanoTime(), null, null, 1006, String.valueOf(t.getMessage())), false);
      }
    }
  }
}
