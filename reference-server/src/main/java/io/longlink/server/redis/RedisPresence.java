package io.longlink.server.redis;

import io.lettuce.core.ScriptOutputType;
import io.longlink.server.store.PresenceStore;
import io.longlink.server.store.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions of every node in Redis, for the per-user connection limit across nodes (LL-LIM-6).
 * Each session expires a TTL after it was last refreshed, by Redis's clock; this node refreshes
 * its own sessions every third of the TTL. A node that dies without closing its sessions stops
 * counting them after at most the TTL: until then its users may be refused one session too many,
 * with a retry hint, which is the safe side of the limit.
 */
final class RedisPresence implements PresenceStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisPresence.class);

  private final Scripts scripts;
  private final long ttlMs;
  private final Map<String, String> userBySession = new ConcurrentHashMap<>();

  RedisPresence(Scripts scripts, long ttlMs) {
    this.scripts = scripts;
    this.ttlMs = ttlMs;
  }

  @Override
  public boolean admit(String user, String sessionId, long max) {
    Long admitted = scripts.run(Scripts.PRESENCE, ScriptOutputType.INTEGER, "admit", user, sessionId, Long.toString(max),
        Long.toString(ttlMs));
    if (admitted == 1) {
      userBySession.put(sessionId, user);
      return true;
    }
    return false;
  }

  @Override
  public void depart(String user, String sessionId) {
    userBySession.remove(sessionId);
    try {
      scripts.run(Scripts.PRESENCE, ScriptOutputType.INTEGER, "depart", user, sessionId);
    } catch (StoreUnavailable e) {
      // It expires by itself within the TTL.
      LOG.warn("could not count out session {} of {}: {}; it stops counting within {} ms", sessionId, user,
          e.getMessage(), ttlMs);
    }
  }

  /** Pushes the expiry of every session of this node a TTL ahead. */
  void refresh() {
    List<String> args = new ArrayList<>();
    args.add("refresh");
    args.add(Long.toString(ttlMs));
    userBySession.forEach((session, user) -> {
      args.add(user);
      args.add(session);
    });
    if (args.size() == 2) {
      return;
    }
    try {
      scripts.run(Scripts.PRESENCE, ScriptOutputType.INTEGER, args.toArray(new String[0]));
    } catch (StoreUnavailable e) {
      LOG.warn("could not refresh {} sessions in Redis: {}", userBySession.size(), e.getMessage());
    }
  }

  long refreshEveryMs() {
    return Math.max(1, ttlMs / 3);
  }
}
