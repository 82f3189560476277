package io.longlink.load;

import java.util.concurrent.CompletableFuture;

/** One user of a load run, one connection, on whichever stack the run loads. */
interface LoadUser {

  /** Opens the connection; reconnects, if the stack does, are the user's own business. */
  void connect();

  /** Makes the user a member of {@code room}; completes when the server said so. */
  CompletableFuture<?> join(String room);

  /**
   * Sends chat {@code chat} to {@code to}, a user id or, when {@code toRoom}, a room; completes
   * when the server acked it, exceptionally when the user gave up on it.
   */
  CompletableFuture<?> send(int chat, String to, boolean toRoom, String body);

  /** Closes the connection for good. */
  void close();

  /** What a user tells the run; calls come from the transport's threads. */
  interface Events {

    /** A session began (the first, or one after a drop). */
    void opened();

    /** A connection ended with this close code; the user may come back. */
    void closed(int code);

    /** Chat {@code chat} reached this user's application. */
    void delivered(int chat);
  }
}
