package io.longlink.server.faults;

import io.longlink.codec.MessageCodec;
import io.longlink.codec.ReadingRules;
import io.longlink.server.ServerParts;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.connection.ConnectionInterceptor;
import io.longlink.server.faults.filters.Memberships;
import io.longlink.server.faults.ports.Departures;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Peers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A server being put together with faults: its configuration, its parts, and the filters every
 * connection gets. Each fault's installer changes what it needs; what several share (the peers,
 * the room memberships, the departures) exists once.
 */
final class Assembly {

  private ServerConfig config;
  private ServerParts parts;
  private ReadingRules readingRules = ReadingRules.LONGLINK;
  private final List<Supplier<FrameFilter>> filters = new ArrayList<>();
  private final Peers peers;
  private Memberships memberships;
  private Departures departures;
  /** Whether a fault reads the peers: they are known only through the chains, so every connection needs one. */
  private boolean peersRead;

  Assembly(ServerConfig config, Peers peers) {
    this.config = config;
    this.peers = peers;
  }

  ServerConfig config() {
    return config;
  }

  /** Changes the configuration; only before any part is asked for, which is made from it. */
  void reconfigure(UnaryOperator<ServerConfig.Builder> change) {
    if (parts != null) {
      throw new IllegalStateException("the configuration changes before the parts are made");
    }
    config = change.apply(config.toBuilder()).build();
  }

  ServerParts parts() {
    if (parts == null) {
      parts = ServerParts.of(config);
    }
    return parts;
  }

  /** The in-memory stores the parts hold now, by identity: a fault that decorates one replaces it. */
  List<Object> memoryStores() {
    ServerParts p = parts();
    return List.of(p.inbox(), p.dedup(), p.rooms(), p.sequence());
  }

  /** Every connection gets a filter of its own from {@code filter}. */
  void filter(Supplier<FrameFilter> filter) {
    filters.add(filter);
  }

  /** Every connection shares this filter (it keeps no state of its own, or keeps the server's). */
  void sharedFilter(FrameFilter filter) {
    filters.add(() -> filter);
  }

  void readingRules(UnaryOperator<ReadingRules> change) {
    readingRules = change.apply(readingRules);
  }

  Peers peers() {
    peersRead = true;
    return peers;
  }

  Memberships memberships() {
    if (memberships == null) {
      memberships = new Memberships();
    }
    return memberships;
  }

  Departures departures() {
    if (departures == null) {
      departures = new Departures(peers());
      sharedFilter(departures.watcher());
    }
    return departures;
  }

  /** Every filter the faults asked for, in chain order. */
  List<Supplier<FrameFilter>> filters() {
    List<Supplier<FrameFilter>> all = new ArrayList<>(filters);
    if (memberships != null) {
      // Last: nearest the server, it sees joined and left before any fault does.
      FrameFilter tracker = memberships.tracker();
      all.add(() -> tracker);
    }
    return all;
  }

  /** The parts with the codec and the filters the faults asked for. */
  ServerParts finish(Function<List<Supplier<FrameFilter>>, ConnectionInterceptor.Factory> chains) {
    ServerParts p = parts();
    if (!readingRules.equals(ReadingRules.LONGLINK)) {
      p.codec(MessageCodec.create(readingRules));
    }
    List<Supplier<FrameFilter>> all = filters();
    if (!all.isEmpty() || peersRead) {
      p.interceptors(chains.apply(all));
    }
    return p;
  }
}
