package io.longlink.server.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions this node holds, by user, each with the highest seq sent on it: a session is sent
 * only deliveries above it that it was not sent before, in seq order (LL-DLV-7). A user's entry
 * is changed only under that user's lock ({@link UserLocks}).
 */
final class LocalSessions {

  /** One session and the highest seq sent on it. */
  static final class Member {
    final ClientSession session;
    long sentUpTo;

    Member(ClientSession session) {
      this.session = session;
    }
  }

  private final Map<String, LinkedHashMap<String, Member>> byUser = new ConcurrentHashMap<>();

  Member add(ClientSession session) {
    Member m = new Member(session);
    byUser.computeIfAbsent(session.userId(), u -> new LinkedHashMap<>()).put(session.sessionId(), m);
    return m;
  }

  /** Removes the session; true when it was here. */
  boolean remove(ClientSession session) {
    LinkedHashMap<String, Member> sessions = byUser.get(session.userId());
    if (sessions == null || sessions.get(session.sessionId()) == null
        || sessions.get(session.sessionId()).session != session) {
      return false;
    }
    sessions.remove(session.sessionId());
    if (sessions.isEmpty()) {
      byUser.remove(session.userId());
    }
    return true;
  }

  boolean has(String user) {
    return byUser.containsKey(user);
  }

  /**
   * A copy of the user's sessions: a send can fail at once on a dying socket, and the transport
   * then closes the session on this very thread, which removes it from the map being walked.
   */
  List<Member> of(String user) {
    LinkedHashMap<String, Member> sessions = byUser.get(user);
    return sessions == null ? List.of() : new ArrayList<>(sessions.values());
  }

  /** The users with a session here, for a look at each after news may have been missed. */
  List<String> users() {
    return List.copyOf(byUser.keySet());
  }
}
