package io.longlink.kit.client.harness;

import io.longlink.codec.MessageCodec;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.protocol.Protocol;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The kit as a Longlink server on a loopback port, for one scenario: a real WebSocket server
 * (Jetty) whose every connection plays a {@link Script} the scenario chose, and records all it
 * sees and does in a {@link Recorder}.
 */
public final class HarnessServer implements AutoCloseable {

  /** The user every session of the harness belongs to. */
  public static final String USER = "alice";
  /** The path of the endpoint; any other path is served too, so that a token in the path is seen (LL-SEC-2). */
  public static final String PATH = "/ws";

  private final Recorder recorder = new Recorder();
  private final MessageCodec codec = MessageCodec.create();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "harness-timer");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<EndPoint, HarnessConnection> byEndPoint = new ConcurrentHashMap<>();
  private final List<HarnessConnection> connections = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong(100);
  private volatile String epoch = freshEpoch();
  private final String sessionPrefix = "s-" + Long.toString(System.nanoTime() % 1_000_000, 36);
  private volatile IntFunction<Script> plan = n -> Script.answering(SessionParams.fast());
  private volatile String forbiddenInUrl;
  private Server jetty;
  private HarnessConnector connector;

  /** Starts listening on 127.0.0.1 on a free port. */
  public HarnessServer start() {
    jetty = new Server();
    connector = new HarnessConnector(jetty, this);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    // A safety net only: scenarios end every connection themselves, and silence is what some test.
    connector.setIdleTimeout(600_000);
    jetty.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(jetty, context, container -> {
      container.setIdleTimeout(Duration.ofMinutes(10));
      container.setMaxTextMessageSize(64L << 20);
      container.addMapping("/*", (request, response, callback) -> {
        HarnessConnection connection = connectionOf(request);
        upgraded(connection, request.getHttpURI().toString(), request.getSubProtocols());
        if (request.hasSubProtocol(Protocol.SUBPROTOCOL)) {
          response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
        }
        return new HarnessSocket(this, connection);
      });
    });
    context.setHandler(new GateHandler(this, upgrade));
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException("the client harness could not start on 127.0.0.1: " + e, e);
    }
    return this;
  }

  /** {@code ws://127.0.0.1:PORT/ws}. */
  public URI url() {
    return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + PATH);
  }

  /** The port it listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The scripts of the connections that arrive from now on, by their number (0 for the first of the scenario). */
  public void plan(IntFunction<Script> plan) {
    this.plan = Objects.requireNonNull(plan);
  }

  /** A string no request URL may contain: the token the kit gave the client (LL-SEC-2). */
  public void forbidInUrl(String secret) {
    this.forbiddenInUrl = secret;
  }

  public Recorder recorder() {
    return recorder;
  }

  /** Every connection so far, in order of arrival. */
  public List<HarnessConnection> connections() {
    return List.copyOf(connections);
  }

  /** Connection number {@code n}. */
  public HarnessConnection connection(int n) {
    return connections.get(n);
  }

  MessageCodec codec() {
    return codec;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  long nextSeq() {
    return seq.incrementAndGet();
  }

  /** The epoch of the harness's delivery history, advertised in every auth_ok (LL-DLV-12). */
  public String epoch() {
    return epoch;
  }

  /**
   * Plays a server that lost its history (an in-memory server restarted): a new epoch, and seqs
   * counted again from the start, so that a client holding on to its old last_seq shows it (LL-DLV-14).
   */
  public void newHistory() {
    epoch = freshEpoch();
    seq.set(0);
  }

  private static String freshEpoch() {
    return "h-" + Long.toString(System.nanoTime() & 0xffffffffffL, 36);
  }

  String sessionId(int index) {
    return sessionPrefix + "-" + index;
  }

  /** A TCP connection arrived: it gets the script the plan gives its number. */
  void accepted(EndPoint endPoint) {
    synchronized (connections) {
      int index = connections.size();
      HarnessConnection connection = new HarnessConnection(this, index, plan.apply(index), endPoint);
      connections.add(connection);
      byEndPoint.put(endPoint, connection);
      recorder.add(new HarnessEvent(Kind.TCP_ACCEPT, index, System.nanoTime(), null, null, null));
    }
  }

  void firstBytes(EndPoint endPoint) {
    HarnessConnection connection = byEndPoint.get(endPoint);
    if (connection != null) {
      recorder.add(new HarnessEvent(Kind.ATTEMPT, connection.index(), System.nanoTime(), null, null, null));
    }
  }

  void tcpEnded(EndPoint endPoint) {
    HarnessConnection connection = byEndPoint.get(endPoint);
    if (connection != null) {
      connection.ended();
      recorder.add(new HarnessEvent(Kind.TCP_END, connection.index(), System.nanoTime(), null, null, null));
    }
  }

  HarnessConnection connectionOf(Request request) {
    return connectionOf(request.getConnectionMetaData().getConnection().getEndPoint());
  }

  HarnessConnection connectionOf(EndPoint endPoint) {
    return byEndPoint.get(endPoint);
  }

  /** An opening handshake arrived, whether the harness answers it or not: LL-TR-1 and LL-SEC-2 are judged on it. */
  void upgraded(HarnessConnection connection, String url, List<String> offered) {
    recorder.add(new HarnessEvent(Kind.UPGRADE, connection.index(), System.nanoTime(), url + " offering " + offered,
        null, null));
    // Tokens compare exactly (PROTOCOL.md LL-TR-2); Jetty's hasSubProtocol ignores case.
    if (!offered.contains(Protocol.SUBPROTOCOL)) {
      connection.problem("LL-TR-1", "did not offer " + Protocol.SUBPROTOCOL + " (offered " + offered + ")");
    }
    String secret = forbiddenInUrl;
    if (secret != null && (url.contains(secret) || url.contains(URLEncoder.encode(secret, StandardCharsets.UTF_8)))) {
      connection.problem("LL-SEC-2", "put its token in the request URL");
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the client harness did not stop: " + e, e);
    }
  }
}
