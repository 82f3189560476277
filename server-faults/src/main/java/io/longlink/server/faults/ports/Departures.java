package io.longlink.server.faults.ports;

import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Link;
import io.longlink.server.faults.wire.Peers;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The users whose last connection closed, for a store fault that forgets something then: the
 * {@link #watcher()} filter notes them as they go, the store drains them on its next call.
 */
public final class Departures {

  private final Peers peers;
  private final ConcurrentLinkedQueue<String> departed = new ConcurrentLinkedQueue<>();

  public Departures(Peers peers) {
    this.peers = peers;
  }

  /** The filter that notes a user whose last connection closed. */
  public FrameFilter watcher() {
    return new FrameFilter() {
      @Override
      public void closed(Link link) {
        String user = link.user();
        if (user != null && !peers.connected(user)) {
          departed.add(user);
        }
      }
    };
  }

  /** Hands each departed user (still without a connection) to {@code forget}, once. */
  void drain(Consumer<String> forget) {
    for (String user = departed.poll(); user != null; user = departed.poll()) {
      if (!peers.connected(user)) {
        forget.accept(user);
      }
    }
  }
}
