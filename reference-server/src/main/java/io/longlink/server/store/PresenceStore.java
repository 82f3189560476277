package io.longlink.server.store;

/**
 * The sessions of every user, wherever they are, for the per-user connection limit (LL-LIM-6).
 * A shared store counts the sessions of every node, and lets the sessions of a node that stopped
 * without saying goodbye expire, so that they do not count forever.
 */
public interface PresenceStore {

  /** Counts the session in, unless the user already has {@code max} sessions: then false. */
  boolean admit(String user, String sessionId, long max);

  /** Counts a closed session out. */
  void depart(String user, String sessionId);
}
