package io.longlink.server.transport;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Jetty's listening connector, except that a failed accept (on a server out of file descriptors,
 * "Too many open files") is a throttled WARN line that says what to do, not a stack trace a second.
 */
public final class LonglinkConnector extends ServerConnector {

  private static final Logger LOG = LoggerFactory.getLogger(LonglinkConnector.class);
  /** Jetty's own pause after a failed accept, so that a full descriptor table does not make the acceptor spin. */
  private static final long ACCEPT_PAUSE_MS = 1_000;

  private final ThrottledLog acceptFailures = new ThrottledLog(LOG, Level.WARN, "failed accepts");

  public LonglinkConnector(Server server, ConnectionFactory... factories) {
    super(server, factories);
  }

  @Override
  protected boolean handleAcceptFailure(Throwable failure) {
    // A closed listening channel is the connector stopping, which Jetty handles as before.
    if (!isRunning() || !(failure instanceof IOException) || failure instanceof ClosedChannelException) {
      return super.handleAcceptFailure(failure);
    }
    acceptFailures.record(failure.getMessage() + ": raise the server's file-descriptor limit (ulimit -n) or lower "
        + "--max-unauthenticated");
    try {
      TimeUnit.MILLISECONDS.sleep(ACCEPT_PAUSE_MS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
