package io.longlink.kit.client.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A connector whose end points report the TCP events the judging needs and Jetty's listeners do
 * not give across a WebSocket upgrade: the accept, the first bytes (an attempt arrived) and the
 * end of the stream (the client went away, or gave the attempt up). A connection whose script holds the upgrade
 * gets a {@link HeldRequest} instead of an HTTP connection.
 */
final class HarnessConnector extends ServerConnector {

  private final HarnessServer harness;

  HarnessConnector(Server server, HarnessServer harness) {
    super(server, 1, 1, new GateConnectionFactory(harness));
    this.harness = harness;
  }

  /** HTTP, except for a connection whose script holds the upgrade: the script is known at the accept. */
  private static final class GateConnectionFactory extends HttpConnectionFactory {
    private final HarnessServer harness;

    GateConnectionFactory(HarnessServer harness) {
      this.harness = harness;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
      HarnessConnection connection = harness.connectionOf(endPoint);
      if (connection != null && connection.script().upgrade == Script.Upgrade.HOLD) {
        return configure(new HeldRequest(endPoint, connector.getExecutor(), harness, connection), connector, endPoint);
      }
      return super.newConnection(connector, endPoint);
    }
  }

  @Override
  protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
      throws IOException {
    SocketChannelEndPoint endPoint = new RecordingEndPoint(channel, selector, key, getScheduler(), harness);
    endPoint.setIdleTimeout(getIdleTimeout());
    harness.accepted(endPoint);
    return endPoint;
  }

  /** Reports the client's first bytes and the end of its stream the moment Jetty reads them, and a close by either side. */
  private static final class RecordingEndPoint extends SocketChannelEndPoint {
    private final HarnessServer harness;
    private boolean reported;
    private boolean spoke;

    RecordingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
        HarnessServer harness) {
      super(channel, selector, key, scheduler);
      this.harness = harness;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
      int filled;
      try {
        filled = super.fill(buffer);
      } catch (IOException e) {
        report();
        throw e;
      }
      if (filled < 0) {
        report();
      } else if (filled > 0 && !spoke) {
        spoke = true;
        harness.firstBytes(this);
      }
      return filled;
    }

    @Override
    public void onClose(Throwable cause) {
      report();
      super.onClose(cause);
    }

    private synchronized void report() {
      if (!reported) {
        reported = true;
        harness.tcpEnded(this);
      }
    }
  }
}
