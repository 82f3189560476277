package io.longlink.load;

/**
 * A graceful restart of the server under load, for runs that control it (the embedded reference
 * server): goaway and close 1001 to every session, stop, start again on the same address.
 */
public interface ServerRestart {

  /** Stops the server gracefully and starts it again; returns when the new one listens. */
  void restart() throws Exception;

  /**
   * Whether the server keeps pending deliveries across a restart (PROTOCOL.md LL-SHUT-4). When it
   * does not, deliveries of chats acked before the restart and still owed when it stopped are
   * reported as lost to the restart, apart from the rest; when it does, they are lost like any other.
   */
  boolean keepsPendingDeliveries();

  /** What a restart does. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /** A restart of a server whose pending deliveries live in memory, as the reference server's do. */
  static ServerRestart inMemory(Action restart) {
    return new ServerRestart() {
      @Override
      public void restart() throws Exception {
        restart.run();
      }

      @Override
      public boolean keepsPendingDeliveries() {
        return false;
      }
    };
  }
}
