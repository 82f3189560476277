package io.longlink.server.faults.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One connection's filters between its two ends. Messages from the client run through the filters
 * first to last, then reach the server; messages from the server run last to first, then reach
 * the client. One connection's filters run one at a time (the chain is their lock), so a filter
 * keeps its state in plain fields.
 */
public final class Chain {

  /** Where messages toward the server end up. */
  public interface ServerEnd {
    void text(String text);

    void binary();

    void invalidText(byte[] bytes);
  }

  /** Where messages toward the client end up. Thread-safe: other connections' filters reach it too. */
  public interface ClientEnd {
    void text(String text);

    void binary(byte[] data);

    void close(int code, String reason);
  }

  private final List<FrameFilter> filters;
  private final Peers peers;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier clock;
  private final String query;
  private final Stage[] stages;
  private ServerEnd server;
  private ClientEnd client;
  private ObjectNode authOk;
  private Peer self;
  private boolean closed;

  public Chain(List<FrameFilter> filters, Peers peers, ScheduledExecutorService scheduler, LongSupplier clock, String query) {
    this.filters = List.copyOf(filters);
    this.peers = peers;
    this.scheduler = scheduler;
    this.clock = clock;
    this.query = query;
    this.stages = new Stage[this.filters.size()];
    for (int i = 0; i < stages.length; i++) {
      stages[i] = new Stage(i);
    }
  }

  /** Connects the chain to its ends, before the first message. */
  public synchronized void connect(ServerEnd server, ClientEnd client) {
    this.server = server;
    this.client = client;
  }

  public synchronized void fromClient(String text) {
    if (stages.length == 0) {
      server.text(text);
    } else {
      filters.get(0).fromClient(text, stages[0]);
    }
  }

  public synchronized void binaryFromClient() {
    if (stages.length == 0) {
      server.binary();
    } else {
      filters.get(0).binaryFromClient(stages[0]);
    }
  }

  public synchronized void invalidTextFromClient(byte[] bytes) {
    if (stages.length == 0) {
      server.invalidText(bytes);
    } else {
      filters.get(0).invalidTextFromClient(bytes, stages[0]);
    }
  }

  public synchronized void fromServer(String text) {
    ObjectNode ok = authOk == null ? Json.ofType(text, "auth_ok") : null;
    if (ok != null) {
      authOk = ok;
      self = new ChainPeer(authOk.path("user_id").asText());
      peers.add(self);
    }
    int last = stages.length - 1;
    if (last < 0) {
      client.text(text);
    } else {
      filters.get(last).fromServer(text, stages[last]);
    }
  }

  public synchronized void serverCloses(int code, String reason) {
    int last = stages.length - 1;
    if (last < 0) {
      client.close(code, reason);
    } else {
      filters.get(last).serverCloses(code, reason, stages[last]);
    }
  }

  /** The connection ended: the filters hear of it once. */
  public synchronized void closed() {
    if (closed) {
      return;
    }
    closed = true;
    // Out of the peers first: a filter that asks whether its user has connections left is told the truth.
    if (self != null) {
      peers.remove(self);
    }
    for (int i = 0; i < stages.length; i++) {
      filters.get(i).closed(stages[i]);
    }
  }

  public synchronized boolean offeredSubprotocol(boolean offered) {
    for (FrameFilter f : filters) {
      offered = f.offeredSubprotocol(offered);
    }
    return offered;
  }

  public synchronized String subprotocol(String chosen) {
    return subprotocol(filters, chosen);
  }

  public synchronized long maxMessageBytes(long configured) {
    return maxMessageBytes(filters, configured);
  }

  /** The subprotocol {@code filters} select given the server's choice: the upgrade asks before a chain exists. */
  static String subprotocol(List<FrameFilter> filters, String chosen) {
    String s = chosen;
    for (FrameFilter f : filters) {
      s = f.subprotocol(s);
    }
    return s;
  }

  /** The message limit {@code filters} make of the server's: the upgrade asks before a chain exists. */
  static long maxMessageBytes(List<FrameFilter> filters, long configured) {
    long limit = configured;
    for (FrameFilter f : filters) {
      limit = f.maxMessageBytes(limit);
    }
    return limit;
  }

  /** The link of the filter at one position. */
  private final class Stage implements Link {
    private final int at;

    Stage(int at) {
      this.at = at;
    }

    @Override
    public void toServer(String text) {
      if (at + 1 < stages.length) {
        filters.get(at + 1).fromClient(text, stages[at + 1]);
      } else {
        server.text(text);
      }
    }

    @Override
    public void binaryToServer() {
      if (at + 1 < stages.length) {
        filters.get(at + 1).binaryFromClient(stages[at + 1]);
      } else {
        server.binary();
      }
    }

    @Override
    public void invalidTextToServer(byte[] bytes) {
      if (at + 1 < stages.length) {
        filters.get(at + 1).invalidTextFromClient(bytes, stages[at + 1]);
      } else {
        server.invalidText(bytes);
      }
    }

    @Override
    public void toClient(String text) {
      if (at > 0) {
        filters.get(at - 1).fromServer(text, stages[at - 1]);
      } else {
        client.text(text);
      }
    }

    @Override
    public void binaryToClient(byte[] data) {
      client.binary(data);
    }

    @Override
    public void closeClient(int code, String reason) {
      if (at > 0) {
        filters.get(at - 1).serverCloses(code, reason, stages[at - 1]);
      } else {
        client.close(code, reason);
      }
    }

    @Override
    public void after(long delayMs, Runnable task) {
      scheduler.schedule(() -> {
        synchronized (Chain.this) {
          if (!closed) {
            task.run();
          }
        }
      }, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public long nowMs() {
      return clock.getAsLong();
    }

    @Override
    public Peer self() {
      return self;
    }

    @Override
    public ObjectNode authOk() {
      return authOk;
    }

    @Override
    public String query() {
      return query;
    }
  }

  /** This connection as other connections' filters reach it: its client end, past its filters. */
  private final class ChainPeer implements Peer {
    private final String user;

    ChainPeer(String user) {
      this.user = user;
    }

    @Override
    public String user() {
      return user;
    }

    @Override
    public void sendToClient(String text) {
      client.text(text);
    }

    @Override
    public void close(int code, String reason) {
      client.close(code, reason);
    }
  }
}
