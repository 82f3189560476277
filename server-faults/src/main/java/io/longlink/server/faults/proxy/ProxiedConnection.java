package io.longlink.server.faults.proxy;

import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Protocol;
import io.longlink.server.connection.CloseReason;
import io.longlink.server.faults.wire.Chain;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Peers;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection through the proxy (Jetty's endpoint for it, made by {@link BreakingProxy}
 * only): the client's WebSocket (Jetty's), the upstream one (the JDK's), and the filter chain between them.
 *
 * <pre>
 *   client text    -> chain.fromClient       -> ServerEnd.text   -> upstream
 *   client binary  -> chain.binaryFromClient -> ServerEnd.binary -> upstream (the same bytes)
 *   client close   -> upstream close (same code where the JDK allows it), chain.closed()
 *   upstream text  -> chain.fromServer       -> network faults -> client
 *   upstream close -> chain.serverCloses     -> network faults -> client close (and the upstream's)
 * </pre>
 *
 * Reading is on demand on both sides: nothing of the client's is read before the upstream is
 * open, nothing of the upstream's before the client is, and a link gone silent reads no more.
 */
@org.eclipse.jetty.websocket.api.annotations.WebSocket(autoDemand = false)
public final class ProxiedConnection {

  private static final Logger LOG = LoggerFactory.getLogger(ProxiedConnection.class);

  private final BreakingProxy proxy;
  private final ScheduledExecutorService timers;
  private final Chain chain;
  private final List<NetworkFault> faults;
  private final ClientSocket socket = new ClientSocket();
  private final ClientSide toClient;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Upstream upstream;
  private volatile boolean opened;
  /** The binary message from the client being filtered (the chain's lock guards it): ServerEnd.binary sends it. */
  private byte[] binaryInChain;

  ProxiedConnection(BreakingProxy proxy, ScheduledExecutorService timers, List<FrameFilter> filters, Peers peers,
      List<NetworkFault> faults, String query) {
    this.proxy = proxy;
    this.timers = timers;
    this.chain = new Chain(filters, peers, timers, System::currentTimeMillis, query);
    this.faults = List.copyOf(faults);
    ClientSide side = socket;
    for (int i = this.faults.size() - 1; i >= 0; i--) {
      side = this.faults.get(i).around(side);
    }
    this.toClient = side;
    chain.connect(new ToUpstream(), toClient);
  }

  /**
   * Opens the upstream WebSocket, offering what the client offered (longlink.v1 added or taken
   * away as the filters say the server is to believe). Blocks until it is open, or until
   * {@code timeout} (and a second) passed.
   *
   * @return why it did not open, as a close reason; empty when it did
   */
  Optional<String> connect(HttpClient http, URI target, List<String> offered, List<String[]> headers, Duration timeout) {
    List<String> offer = new ArrayList<>(offered);
    boolean believed = chain.offeredSubprotocol(offered.contains(Protocol.SUBPROTOCOL));
    if (believed && !offer.contains(Protocol.SUBPROTOCOL)) {
      offer.add(Protocol.SUBPROTOCOL);
    } else if (!believed) {
      offer.remove(Protocol.SUBPROTOCOL);
    }
    CompletableFuture<WebSocket> opening;
    try {
      WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
      if (!offer.isEmpty()) {
        builder.subprotocols(offer.get(0), offer.subList(1, offer.size()).toArray(String[]::new));
      }
      for (String[] header : headers) {
        try {
          builder.header(header[0], header[1]);
        } catch (IllegalArgumentException e) {
          // A header the JDK sets itself or refuses: the upstream request goes without it.
        }
      }
      opening = builder.buildAsync(target, new FromUpstream());
    } catch (IllegalArgumentException e) {
      return Optional.of(refusal("cannot offer upstream " + offer + ": " + e.getMessage()));
    }
    try {
      // A send that finds the upstream's TCP connection gone: the client's goes too.
      upstream = new Upstream(opening.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS), timers, () -> toClient.drop());
      // A client whose upgrade then fails never opens: its upstream goes after the same timeout.
      timers.schedule(() -> {
        if (!opened) {
          abandon();
        }
      }, timeout.toMillis(), TimeUnit.MILLISECONDS);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(refusal("upstream " + target + " unreachable: " + rootMessage(e)));
    } catch (TimeoutException e) {
      opening.thenAccept(WebSocket::abort);
      return Optional.of(refusal("upstream " + target + " did not open within " + timeout.toMillis() + " ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opening.thenAccept(WebSocket::abort);
      return Optional.of(refusal("the proxy was interrupted while connecting upstream"));
    }
  }

  /** What the client's upgrade selects: what upstream selected, when the client offered it, as the filters have it. */
  String selected(List<String> offered) {
    String chosen = upstream.subprotocol();
    return chain.subprotocol(chosen != null && offered.contains(chosen) ? chosen : null);
  }

  /** The proxy stops: both ends close with 1001. */
  void shutdown() {
    Upstream u = upstream;
    if (u != null) {
      u.close(CloseCode.GOING_AWAY.code(), "the client's proxy is shutting down");
    }
    socket.close(CloseCode.GOING_AWAY.code(), CloseReason.of(CloseCode.GOING_AWAY, "the breaking proxy is shutting down"));
  }

  @OnWebSocketOpen
  public void onOpen(Session session) {
    opened = true;
    socket.open(session);
    upstream.request();
  }

  @OnWebSocketMessage
  public void onText(String text) {
    guarded(() -> chain.fromClient(text));
    socket.demandNext();
  }

  @OnWebSocketMessage
  public void onBinary(ByteBuffer payload, Callback callback) {
    byte[] data = new byte[payload.remaining()];
    payload.get(data);
    callback.succeed();
    guarded(() -> {
      synchronized (chain) {
        binaryInChain = data;
        try {
          chain.binaryFromClient();
        } finally {
          binaryInChain = null;
        }
      }
    });
    socket.demandNext();
  }

  @OnWebSocketClose
  public void onClose(int code, String reason) {
    Upstream u = upstream;
    if (code == 1006) {
      // The client's TCP connection ended without a close frame: so does the upstream's.
      u.abort();
    } else {
      u.close(code, reason);
    }
    end();
  }

  /** The client's connection failed (Jetty ends the session after it): the upstream's ends with it. */
  @OnWebSocketError
  public void onError(Throwable cause) {
    LOG.debug("client connection failed: {}", cause.toString());
    upstream.abort();
    end();
  }

  /** The connection ended: the filters hear of it once, the proxy forgets it. */
  private void end() {
    if (ended.compareAndSet(false, true)) {
      guarded(chain::closed);
      proxy.forget(this);
    }
  }

  /** The client never opened: the upstream goes. */
  private void abandon() {
    Upstream u = upstream;
    if (u != null) {
      u.abort();
    }
    end();
  }

  /** A defect of a filter must not take the proxy down; it ends this one connection with the code that says so. */
  private void guarded(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("a filter failed on a proxied connection", e);
      socket.close(CloseCode.INTERNAL_ERROR.code(), CloseReason.of(CloseCode.INTERNAL_ERROR, "the breaking proxy failed"));
    }
  }

  static String refusal(String detail) {
    return CloseReason.truncate(CloseReason.of(CloseCode.INTERNAL_ERROR, detail));
  }

  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  /** Where the chain's messages toward the server go: the upstream WebSocket. */
  private final class ToUpstream implements Chain.ServerEnd {
    @Override
    public void text(String text) {
      upstream.text(text);
    }

    @Override
    public void binary() {
      byte[] data = binaryInChain;
      upstream.binary(data == null ? new byte[0] : data);
    }

    @Override
    public void invalidText(byte[] bytes) {
      // Never called: Jetty's message API refuses invalid UTF-8 itself (1007). Should a filter pass some on, so does the proxy.
      toClient.close(CloseCode.INVALID_PAYLOAD.code(), CloseReason.of(CloseCode.INVALID_PAYLOAD, "a text frame was not UTF-8"));
    }
  }

  /** The upstream WebSocket's events, one at a time (the JDK's listener contract), each asked for when the last was handled. */
  private final class FromUpstream implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public void onOpen(WebSocket ws) {
      // Nothing is read before the client's connection is open (onOpen above asks for the first message).
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        if (!ended.get()) {
          guarded(() -> chain.fromServer(message));
          faults.forEach(NetworkFault::fromUpstream);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] part = new byte[data.remaining()];
      data.get(part);
      binary.writeBytes(part);
      if (last) {
        byte[] message = binary.toByteArray();
        binary.reset();
        // The chain has no way for binary messages from the server: they go to the client as they came.
        if (!ended.get()) {
          toClient.binary(message);
          faults.forEach(NetworkFault::fromUpstream);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      upstream.closedByServer();
      if (code == 1006) {
        // Not a close the server sent: the JDK's word for a TCP connection that ended without one. So does the client's.
        toClient.drop();
      } else if (!ended.get()) {
        guarded(() -> chain.serverCloses(code, reason));
      }
      // Returning null closes the upstream's output at once, with the same code: the close is answered.
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      LOG.debug("upstream connection failed: {}", error.toString());
      // The upstream's TCP connection ended without a close: so does the client's.
      toClient.drop();
    }
  }

  /** The client's WebSocket, at the end of the network faults. */
  private final class ClientSocket implements ClientSide {
    private Session session;
    private boolean silent;
    private boolean dropped;
    private boolean closed;

    void open(Session s) {
      boolean dropNow;
      synchronized (this) {
        session = s;
        dropNow = dropped;
      }
      if (dropNow) {
        s.disconnect();
      } else {
        demandNext();
      }
    }

    /** Asks Jetty for the client's next message, unless the link went silent. */
    void demandNext() {
      Session s;
      synchronized (this) {
        s = silent || dropped ? null : session;
      }
      if (s != null) {
        s.demand();
      }
    }

    @Override
    public synchronized void text(String text) {
      if (session != null && !silent && !dropped && !closed) {
        session.sendText(text, Callback.NOOP);
      }
    }

    @Override
    public synchronized void binary(byte[] data) {
      if (session != null && !silent && !dropped && !closed) {
        session.sendBinary(ByteBuffer.wrap(data), Callback.NOOP);
      }
    }

    @Override
    public void close(int code, String reason) {
      Session s;
      synchronized (this) {
        if (silent || dropped || closed) {
          return;
        }
        closed = true;
        s = session;
      }
      Upstream u = upstream;
      if (u != null) {
        u.close(code, reason);
      }
      // Outside the lock: Jetty may report the end at once, and what hears of it may send again.
      if (s != null) {
        s.close(code, CloseReason.truncate(reason), Callback.NOOP);
      }
    }

    @Override
    public void drop() {
      Session s;
      synchronized (this) {
        if (dropped) {
          return;
        }
        dropped = true;
        s = session;
      }
      if (s != null) {
        s.disconnect();
      }
    }

    @Override
    public synchronized void goSilent() {
      silent = true;
    }
  }
}
