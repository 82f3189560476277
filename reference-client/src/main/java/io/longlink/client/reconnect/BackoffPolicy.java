package io.longlink.client.reconnect;

import io.longlink.client.connection.SessionParams;

/**
 * Chooses the wait before a reconnect attempt. The default, {@link Backoff}, draws it as LL-RC-2
 * says; the interface is the seam where a test or a diagnostic wrapper can see or change the
 * waits without touching the connection lifecycle. The client adds the goaway hint on top
 * (LL-RC-7), so a policy never sees it.
 */
@FunctionalInterface
public interface BackoffPolicy {

  /**
   * The wait in ms before the attempt with backoff index {@code n}: 0 for the first reconnect
   * after a session (or after the application's connect), counting up until the next auth_ok.
   */
  long draw(SessionParams params, int n);
}
