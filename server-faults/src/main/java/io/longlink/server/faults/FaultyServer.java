package io.longlink.server.faults;

import io.longlink.server.LonglinkServer;
import io.longlink.server.ServerParts;
import io.longlink.server.config.ConfigException;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.wire.InterceptorChains;
import io.longlink.server.faults.wire.Peers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server made to break the rules of the given switches, from outside: another
 * configuration, decorated parts, filters on every connection. With no switch it is the
 * reference server itself.
 */
public final class FaultyServer {

  private static final Logger LOG = LoggerFactory.getLogger(FaultyServer.class);
  /** Timers of the filters (a late delivery, a watch on pings): one daemon thread for every faulty server. */
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "longlink-faults-timer");
    t.setDaemon(true);
    return t;
  });

  private FaultyServer() {}

  /** Starts a server that breaks {@code violations}; it listens when this returns. */
  public static LonglinkServer start(ServerConfig config, Collection<Violation> violations) throws Exception {
    if (violations.isEmpty()) {
      return LonglinkServer.start(config);
    }
    for (Violation v : violations) {
      LOG.warn("*** RULE VIOLATION SWITCHED ON: {} - this server {} ***", v.switchId(), v.behaviour());
    }
    LOG.warn("*** This server breaks PROTOCOL.md on purpose, for conformance-kit tests. Never run it for real users. ***");
    Assembly assembly = new Assembly(config, new Peers());
    // Configuration first: the parts are made from it.
    EnumSet<Violation> set = EnumSet.copyOf(violations);
    for (Violation v : set) {
      Faults.of(v).configure(assembly);
    }
    List<String> refused = new ArrayList<>();
    for (Violation v : set) {
      List<Object> before = assembly.memoryStores();
      Faults.of(v).install(assembly);
      // A fault that decorates the in-memory stores would break nothing on a server whose state is in Redis.
      if (config.store() != null && !assembly.memoryStores().equals(before)) {
        refused.add("--violate " + v.switchId() + " breaks its rule in the in-memory store, and this server keeps its "
            + "state in " + config.store() + ": leave out --store to watch the kit catch it, or use `longlink proxy` "
            + "in front of this server for the switches it can break");
      }
    }
    if (!refused.isEmpty()) {
      throw new ConfigException(refused);
    }
    ServerParts parts = assembly.finish(filters -> new InterceptorChains(filters, assembly.peers(), TIMERS,
        assembly.parts().clock()::millis));
    return LonglinkServer.start(assembly.config(), parts);
  }
}
