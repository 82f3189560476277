package io.longlink.server.messaging;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per user's deliveries on this node, striped: what one user's sessions are sent, and
 * in which order, is decided under it (LL-DLV-4, LL-DLV-7), while other users' deliveries go on.
 * Sends made while it is held are written after it is released ({@link DeferredSends}), so it is
 * never held across a socket write; it is held across a store call, which for a shared store is
 * a round trip, and that is why it is not one lock for all users.
 */
final class UserLocks {

  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  UserLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Takes the user's lock; sends made while it is held wait for {@link #exit}. */
  void enter(String user) {
    stripe(user).lock();
    DeferredSends.begin();
  }

  /** Releases the user's lock, then writes what was sent while it was held. */
  void exit(String user) {
    stripe(user).unlock();
    DeferredSends.end();
  }

  private ReentrantLock stripe(String user) {
    return stripes[Math.floorMod(user.hashCode(), STRIPES)];
  }
}
