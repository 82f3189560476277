package io.longlink.server;

import io.longlink.protocol.CloseCode;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.connection.AuthOkFactory;
import io.longlink.server.connection.Connection;
import io.longlink.server.connection.ConnectionContext;
import io.longlink.server.connection.ConnectionRegistry;
import io.longlink.server.messaging.Hub;
import io.longlink.server.metrics.ServerMetrics;
import io.longlink.server.store.Engine;
import io.longlink.server.transport.Endpoints;
import io.longlink.server.transport.HandshakeGuard;
import io.longlink.server.transport.LonglinkConnector;
import io.longlink.server.transport.OperationsHandler;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: start it, read its {@link #uri()}, {@link #close()} it. Closing is the
 * graceful shutdown of PROTOCOL.md §19: stop accepting, goaway and close 1001 every connection,
 * wait for them briefly, stop.
 */
public final class LonglinkServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LonglinkServer.class);
  private static final long SHUTDOWN_WAIT_MS = 2_000;
  /** Descriptors the JVM, the listener and the selectors hold before any connection. */
  private static final long DESCRIPTOR_OVERHEAD = 200;

  private final ServerConfig config;
  private final Server jetty;
  private final ServerConnector connector;
  private final ScheduledExecutorService scheduler;
  private final ServerMetrics metrics;
  private final ConnectionRegistry connections;
  private final Engine engine;

  private LonglinkServer(ServerConfig config, Server jetty, ServerConnector connector, ScheduledExecutorService scheduler,
      ServerMetrics metrics, ConnectionRegistry connections, Engine engine) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.connections = connections;
    this.engine = engine;
  }

  /** Starts the reference server; it listens when this returns. */
  public static LonglinkServer start(ServerConfig config) throws Exception {
    return start(config, ServerParts.of(config));
  }

  /** Starts a server built from {@code parts}; it listens when this returns. */
  public static LonglinkServer start(ServerConfig config, ServerParts parts) throws Exception {
    warnAboutDescriptors(config);
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
      Thread t = Executors.defaultThreadFactory().newThread(runnable);
      t.setName("longlink-timer-" + t.getId());
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    Clock clock = parts.clock();
    ServerMetrics metrics = new ServerMetrics();
    Engine engine = parts.engine();
    Hub hub = new Hub(config, engine, scheduler, metrics, clock, parts.nanoTime(), parts.codec());
    ConnectionRegistry connections = new ConnectionRegistry(config.maxTotalOutboundBytes());
    metrics.outboundBytes(connections.budget()::used, config.maxTotalOutboundBytes());
    ConnectionContext ctx = new ConnectionContext(config, hub, parts.verifier(), parts.codec(), metrics, scheduler, clock,
        new AuthOkFactory(config), new AtomicLong(), connections, parts.rateLimits(), parts.nanoTime());

    Server jetty = new Server();
    ServerConnector connector = connector(jetty, config);
    HandshakeGuard guard = new HandshakeGuard(config, parts.upgradeDeadlineMs(), scheduler, metrics);
    connector.addEventListener(guard);
    jetty.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(jetty, context, c -> Endpoints.configure(c, ctx, guard, parts.interceptors()));
    upgrade.setHandler(new OperationsHandler(metrics));
    context.setHandler(upgrade);
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (Exception e) {
      scheduler.shutdownNow();
      jetty.stop();
      engine.close();
      throw e;
    }
    LonglinkServer server = new LonglinkServer(config, jetty, connector, scheduler, metrics, connections, engine);
    LOG.info("Longlink reference server listening on {} (signing {}, history epoch {}, store {})", server.uri(),
        config.signing() ? "on" : "off", hub.epoch(), engine.description());
    LOG.info("memory bounds: {} bytes of pending deliveries ({} per sender), {} bytes queued for sending ({} per connection), "
        + "of a {} byte heap", config.maxTotalPendingBytes(), config.maxPendingBytesPerSender(), config.maxTotalOutboundBytes(),
        config.maxOutboundBytes(), Runtime.getRuntime().maxMemory());
    return server;
  }

  private static ServerConnector connector(Server jetty, ServerConfig config) {
    ServerConnector connector;
    if (config.keystore() != null) {
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStorePath(config.keystore().toString());
      tls.setKeyStorePassword(config.keystorePassword());
      tls.setKeyStoreType("PKCS12");
      connector = new LonglinkConnector(jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory());
    } else {
      connector = new LonglinkConnector(jetty, new HttpConnectionFactory());
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    return connector;
  }

  /**
   * A descriptor limit below the bound on connections without a session lets a flood of them use
   * up every descriptor before the bound refuses any (README, serve). A warning, not an error:
   * the operator may know better, and tests run with whatever limit their machine has.
   */
  private static void warnAboutDescriptors(ServerConfig config) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
      long limit = os.getMaxFileDescriptorCount();
      long needed = config.maxUnauthenticated() + DESCRIPTOR_OVERHEAD;
      if (limit < needed) {
        LOG.warn("the file-descriptor limit (ulimit -n) is {}, below --max-unauthenticated ({}) plus {} for the server "
            + "itself: raise it to at least {} plus the sessions you expect, or lower --max-unauthenticated", limit,
            config.maxUnauthenticated(), DESCRIPTOR_OVERHEAD, needed);
      }
    }
  }

  /** The WebSocket URL clients connect to; a wildcard host is given as 127.0.0.1. */
  public URI uri() {
    String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
    String scheme = config.keystore() != null ? "wss" : "ws";
    return URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + config.path());
  }

  /** The port the server listens on (the chosen one when configured with 0). */
  public int port() {
    return connector.getLocalPort();
  }

  public ServerMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() throws Exception {
    LOG.info("shutting down: no new connections; goaway and close 1001 to {} connections", connections.size());
    connector.close();
    for (Connection c : connections.snapshot()) {
      c.goAway(CloseCode.GOING_AWAY, config.retryAfterMs(), "server shutting down");
    }
    if (!connections.awaitEmpty(SHUTDOWN_WAIT_MS)) {
      LOG.warn("{} connections did not close within {} ms; dropping them", connections.size(), SHUTDOWN_WAIT_MS);
    }
    jetty.stop();
    scheduler.shutdownNow();
    // Last: the goodbyes above may still settle or store; what the engine holds stays where it keeps it.
    engine.close();
    LOG.info("stopped");
  }
}
