package io.longlink.load;

import io.longlink.client.transport.Link;
import io.longlink.client.transport.LinkListener;
import io.longlink.client.transport.Transport;
import java.net.URI;
import java.time.Duration;

/**
 * One user's transport: each link it opens goes to the user's node of the moment, the first to
 * the node {@link Cluster#first} gives, every later one to the {@link Cluster#next} node. The
 * client opens a link only for its first connection and after the previous one ended (a drop, a
 * close, a goaway, a connection refused, a heartbeat timeout; one attempt at a time, LL-RC-3), so
 * moving on at every open after the first is moving on after every end, whatever the client saw
 * of it. The client keeps its backoff, resume point and dedup as they are: it never learns the
 * server changed. What opened and what failed is counted on the cluster, per node.
 */
final class NodeTransport implements Transport {

  private final Transport inner;
  private final Cluster cluster;
  /** The URL the client is built with: the first node's; what it appends (a query) is kept. */
  private final String clientBase;
  private int node;
  private boolean opened;

  NodeTransport(Transport inner, Cluster cluster, int user) {
    this.inner = inner;
    this.cluster = cluster;
    this.clientBase = cluster.uri(0).toString();
    this.node = cluster.first(user);
  }

  @Override
  public Link open(URI uri, String subprotocol, Duration openWithin, LinkListener listener) {
    int at;
    synchronized (this) {
      if (opened) {
        node = cluster.next(node);
      }
      opened = true;
      at = node;
    }
    Counted counted = new Counted(at, listener);
    return counted.on(inner.open(onNode(uri, at), subprotocol, openWithin, counted));
  }

  /** The node the user's last link went to (or its first will). */
  synchronized int node() {
    return node;
  }

  private URI onNode(URI asked, int at) {
    String text = asked.toString();
    return at == 0 || !text.startsWith(clientBase) ? asked
        : URI.create(cluster.uri(at).toString() + text.substring(clientBase.length()));
  }

  /**
   * Counts a link's outcome on its node, once: at its end, whether the transport reports it or the
   * client ends the link itself (a link the client closes or aborts reports nothing after: JdkLink).
   */
  private final class Counted implements Link, LinkListener {
    private final int node;
    private final LinkListener listener;
    private volatile Link link;
    private boolean open;
    private boolean ended;

    Counted(int node, LinkListener listener) {
      this.node = node;
      this.listener = listener;
    }

    Link on(Link inner) {
      this.link = inner;
      return this;
    }

    @Override
    public void opened() {
      synchronized (this) {
        if (ended) {
          return;
        }
        open = true;
        cluster.connected(node);
      }
      listener.opened();
    }

    @Override
    public void text(String frame) {
      listener.text(frame);
    }

    @Override
    public void closed(int code, String reason) {
      end();
      listener.closed(code, reason);
    }

    @Override
    public void send(String text) {
      link.send(text);
    }

    @Override
    public void close(int code, String reason) {
      end();
      link.close(code, reason);
    }

    @Override
    public void abort() {
      end();
      link.abort();
    }

    private synchronized void end() {
      if (ended) {
        return;
      }
      ended = true;
      if (open) {
        cluster.disconnected(node);
      } else {
        cluster.connectFailed(node);
      }
    }
  }
}
