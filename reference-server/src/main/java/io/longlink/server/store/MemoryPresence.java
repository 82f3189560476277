package io.longlink.server.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The sessions of one process's users. */
public final class MemoryPresence implements PresenceStore {

  private final Map<String, Set<String>> sessionsByUser = new HashMap<>();

  @Override
  public synchronized boolean admit(String user, String sessionId, long max) {
    Set<String> sessions = sessionsByUser.computeIfAbsent(user, u -> new HashSet<>());
    if (sessions.size() >= max) {
      return false;
    }
    sessions.add(sessionId);
    return true;
  }

  @Override
  public synchronized void depart(String user, String sessionId) {
    Set<String> sessions = sessionsByUser.get(user);
    if (sessions != null && sessions.remove(sessionId) && sessions.isEmpty()) {
      sessionsByUser.remove(user);
    }
  }
}
