package io.longlink.server.transport;

import io.longlink.protocol.SessionParameter;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.limits.UnauthenticatedBudget;
import io.longlink.server.limits.UnauthenticatedBudget.Bound;
import io.longlink.server.metrics.ServerMetrics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.util.IO;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Watches every TCP connection from its accept until its session begins. It closes, as soon as it
 * is accepted, a connection that would exceed the bounds on connections without a session
 * (PROTOCOL.md LL-LIM-10), and closes a connection that has not completed the WebSocket upgrade
 * within {@code limits.auth_timeout_ms} of its accept (LL-LIM-9). Jetty's idle timeout cannot do
 * the latter: it restarts with every byte, so a peer trickling header lines would stay forever.
 *
 * <p>Jetty reports to it as a listener of the connector: the accept and the close of each socket
 * ({@link SelectorManager.AcceptListener}), and each protocol connection opened on the socket
 * ({@link Connection.Listener}): the TLS connection, the HTTP/1.1 connection, and, once the
 * upgrade is done, the {@link WebSocketConnection}. A connection's place in the budget is given
 * back once, by whichever comes first of its session's start and its socket's close.
 */
public final class HandshakeGuard implements SelectorManager.AcceptListener, Connection.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeGuard.class);

  /** A socket without a session yet. */
  private static final class Pending {
    final InetAddress address;
    volatile EndPoint endPoint;
    volatile boolean upgraded;
    volatile ScheduledFuture<?> deadline;

    Pending(InetAddress address) {
      this.address = address;
    }
  }

  private final Map<SelectableChannel, Pending> pending = new ConcurrentHashMap<>();
  private final UnauthenticatedBudget budget;
  private final ScheduledExecutorService scheduler;
  private final ServerMetrics metrics;
  private final long deadlineMs;
  /** A bound reached is the operator's business (an attack, or bounds too tight), so it is a warning. */
  private final ThrottledLog refusals = new ThrottledLog(LOG, Level.WARN, "connections closed when accepted, over a bound "
      + "on connections without a session (PROTOCOL.md LL-LIM-10),");
  /** A slow client on a bad network times out too, so a timeout alone is no warning. */
  private final ThrottledLog timeouts = new ThrottledLog(LOG, Level.INFO, "connections closed for not completing the "
      + "WebSocket upgrade in time (LL-LIM-9),");

  /** @param deadlineMs how long a connection may take to complete the upgrade (LL-LIM-9) */
  public HandshakeGuard(ServerConfig config, long deadlineMs, ScheduledExecutorService scheduler, ServerMetrics metrics) {
    this.budget = new UnauthenticatedBudget(config.maxUnauthenticated(), config.maxUnauthenticatedPerAddress());
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.deadlineMs = deadlineMs;
    metrics.unauthenticatedGauge(budget::size);
  }

  /** On the acceptor thread, before Jetty reads anything: closing the channel here is the cheapest refusal there is. */
  @Override
  public void onAccepting(SelectableChannel channel) {
    InetAddress address = remoteAddress(channel);
    if (address == null) {
      IO.close(channel);
      return;
    }
    Bound over = budget.tryAdmit(address);
    if (over != null) {
      // Counted before the close, so that whoever sees the close also sees it counted.
      metrics.unauthenticatedRefused(over.label());
      IO.close(channel);
      refusals.record(address.getHostAddress() + " over " + over.flag() + " (" + budget.limit(over) + ")");
      return;
    }
    Pending p = new Pending(address);
    pending.put(channel, p);
    p.deadline = scheduler.schedule(() -> expire(channel, p), deadlineMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
    release(channel);
  }

  @Override
  public void onClosed(SelectableChannel channel) {
    release(channel);
  }

  @Override
  public void onOpened(Connection connection) {
    EndPoint network = network(connection.getEndPoint());
    Pending p = pending.get(network.getTransport());
    if (p == null) {
      return;
    }
    if (connection instanceof WebSocketConnection) {
      p.upgraded = true;
      cancel(p);
    } else if (p.endPoint == null) {
      p.endPoint = network;
    }
  }

  /** What the WebSocket endpoint calls when its session begins: the connection stops counting against the bounds. */
  Runnable sessionStarter(EndPoint endPoint) {
    Object channel = network(endPoint).getTransport();
    return () -> release(channel);
  }

  private void expire(SelectableChannel channel, Pending p) {
    if (p.upgraded || pending.get(channel) != p) {
      return;
    }
    metrics.upgradeTimedOut();
    timeouts.record(p.address.getHostAddress() + ", after " + deadlineMs + " ms");
    EndPoint endPoint = p.endPoint;
    if (endPoint != null) {
      endPoint.close();
    } else {
      IO.close(channel);
    }
    release(channel);
  }

  private void release(Object channel) {
    Pending p = pending.remove(channel);
    if (p != null) {
      cancel(p);
      budget.release(p.address);
    }
  }

  private static void cancel(Pending p) {
    ScheduledFuture<?> deadline = p.deadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
  }

  /** The socket's own endpoint, below TLS. */
  private static EndPoint network(EndPoint endPoint) {
    EndPoint e = endPoint;
    while (e instanceof EndPoint.Wrapper wrapper) {
      e = wrapper.unwrap();
    }
    return e;
  }

  private static InetAddress remoteAddress(SelectableChannel channel) {
    try {
      return channel instanceof SocketChannel socket && socket.getRemoteAddress() instanceof InetSocketAddress remote
          ? remote.getAddress() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
