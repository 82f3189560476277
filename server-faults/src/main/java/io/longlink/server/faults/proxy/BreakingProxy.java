package io.longlink.server.faults.proxy;

import io.longlink.protocol.Protocol;
import io.longlink.server.faults.Faults;
import io.longlink.server.faults.Violation;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Peers;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A proxy in front of any Longlink server that breaks the rules of the given switches on the way
 * through: every client connection, whatever its path, gets one WebSocket to the upstream URL (the
 * client's query appended), offering what the client offered, and a filter chain between the two
 * made of the switches' filters ({@link Faults#wireFilters}), then the network faults of its
 * configuration. Start it, read its {@link #uri()}, {@link #close()} it.
 *
 * <p>What it cannot do: read invalid UTF-8 (its WebSocket stack closes such a frame with 1007
 * itself, so LL-ERR-2's switch is not available through it), raise the upstream's message
 * limit (LL-LIM-1's), answer for the upstream's upgrade deadline (a client that never completes
 * its upgrade meets the proxy's, not the server's: check LL-LIM-9 against the server itself).
 */
public final class BreakingProxy implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BreakingProxy.class);
  /** A safety net only: the upstream's heartbeat ends silent sessions long before. */
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
  /** Above the largest limits.max_message_bytes a server may advertise: the upstream's limit is the one that applies. */
  private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;
  /** Request headers that belong to the proxy's own handshake, not the client's. */
  private static final Set<String> OWN_HEADERS = Set.of("host", "connection", "upgrade", "content-length",
      "transfer-encoding", "expect", "keep-alive", "te", "trailer", "proxy-connection", "proxy-authorization");

  private final ProxyConfig config;
  private final List<Supplier<FrameFilter>> filters;
  private final Peers peers;
  private final ScheduledExecutorService timers;
  private final HttpClient http;
  private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
  private Server jetty;
  private ServerConnector connector;

  private BreakingProxy(ProxyConfig config, List<Supplier<FrameFilter>> filters, Peers peers) {
    this.config = config;
    this.filters = filters;
    this.peers = peers;
    // One thread: the filters' timers, the delay's (whose order it keeps) and the upstream's close grace.
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "longlink-proxy-timer");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
  }

  /**
   * Starts a proxy; it listens when this returns.
   *
   * @throws IllegalArgumentException for a switch the proxy cannot apply (see {@link Faults#notThroughAProxy})
   * @throws Exception when it cannot listen (the port is in use, the address is not this machine's)
   */
  public static BreakingProxy start(ProxyConfig config) throws Exception {
    Peers peers = new Peers();
    BreakingProxy proxy = new BreakingProxy(config, Faults.wireFilters(config.violations(), peers), peers);
    for (Violation v : config.violations()) {
      LOG.warn("*** RULE VIOLATION SWITCHED ON: {} - through this proxy, the server {} ***", v.switchId(), v.behaviour());
    }
    proxy.listen();
    return proxy;
  }

  private void listen() throws Exception {
    jetty = new Server();
    connector = new ServerConnector(jetty);
    connector.setHost(config.host());
    connector.setPort(config.port());
    jetty.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    context.setHandler(WebSocketUpgradeHandler.from(jetty, context, container -> {
      container.setIdleTimeout(IDLE_TIMEOUT);
      container.setAutoFragment(true);
      container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
      container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
      container.setMaxFrameSize(MAX_MESSAGE_BYTES);
      // Any path: every client connection goes to the upstream URL.
      container.addMapping("/*", this::accept);
    }));
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      jetty.stop();
      timers.shutdownNow();
      throw e;
    }
    LOG.info("breaking proxy on {} -> {} (breaking {})", uri(), config.upstream(), config.violations().isEmpty() ? "nothing"
        : config.violations().stream().map(Violation::switchId).collect(Collectors.joining(", ")));
  }

  /** Jetty's creator: opens the upstream during the client's upgrade, so that the upgrade selects what upstream selected. */
  private Object accept(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    // The JDK's client negotiates no extension upstream, so none is negotiated here either: frames go as they are.
    response.setExtensions(List.of());
    List<String> offered = request.getSubProtocols();
    String query = request.getHttpURI().getQuery();
    List<FrameFilter> own = new ArrayList<>();
    filters.forEach(f -> own.add(f.get()));
    ProxiedConnection connection = new ProxiedConnection(this, timers, own, peers, config.network().open(timers), query);
    Optional<String> failure;
    try {
      failure = connection.connect(http, target(query), offered, headers(request), config.connectTimeout());
    } catch (IllegalArgumentException e) {
      failure = Optional.of(ProxiedConnection.refusal("the client's query does not make an upstream URL: " + e.getMessage()));
    }
    if (failure.isPresent()) {
      LOG.warn("a client connection is refused: {}", failure.get());
      // Selected when offered, so that the client completes its upgrade and reads the close that says why.
      if (offered.contains(Protocol.SUBPROTOCOL)) {
        response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
      }
      return new Refusal(failure.get());
    }
    String selected = connection.selected(offered);
    if (selected != null) {
      response.setAcceptedSubProtocol(selected);
    }
    connections.add(connection);
    return connection;
  }

  /** The upstream URL with the client's query appended to its own. */
  URI target(String clientQuery) {
    URI up = config.upstream();
    String path = up.getRawPath() == null || up.getRawPath().isEmpty() ? "/" : up.getRawPath();
    String query = up.getRawQuery();
    if (clientQuery != null && !clientQuery.isEmpty()) {
      query = query == null || query.isEmpty() ? clientQuery : query + "&" + clientQuery;
    }
    return URI.create(up.getScheme() + "://" + up.getRawAuthority() + path + (query == null ? "" : "?" + query));
  }

  private static List<String[]> headers(ServerUpgradeRequest request) {
    List<String[]> headers = new ArrayList<>();
    for (HttpField field : request.getHeaders()) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (!OWN_HEADERS.contains(name) && !name.startsWith("sec-websocket-")) {
        headers.add(new String[] {field.getName(), field.getValue()});
      }
    }
    return headers;
  }

  void forget(ProxiedConnection connection) {
    connections.remove(connection);
  }

  /** The URL clients connect to: the proxy's address with the upstream's path; a wildcard address is given as 127.0.0.1. */
  public URI uri() {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    String path = config.upstream().getRawPath() == null || config.upstream().getRawPath().isEmpty() ? "/"
        : config.upstream().getRawPath();
    return URI.create("ws://" + host + ":" + connector.getLocalPort() + path);
  }

  /** The port the proxy listens on (the chosen one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public ProxyConfig config() {
    return config;
  }

  /** Client connections open now. */
  public int connections() {
    return connections.size();
  }

  /** Stops listening and closes every connection, both ends, with 1001. */
  @Override
  public void close() throws Exception {
    connector.close();
    for (ProxiedConnection c : List.copyOf(connections)) {
      c.shutdown();
    }
    try {
      jetty.stop();
    } finally {
      timers.shutdownNow();
    }
  }
}
