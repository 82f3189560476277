package io.longlink.cli;

import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** What the commands that listen until interrupted share: a port that cannot be had is a usage error; Ctrl-C stops. */
public final class Listening {

  private Listening() {}

  /** Starts what listens on {@code host}:{@code port}; a port in use (or an address not this machine's) exits 2. */
  public static <T> T start(String host, int port, Callable<T> start) throws Exception {
    try {
      return start.call();
    } catch (Exception e) {
      if (!bindFailure(e)) {
        throw e;
      }
      throw new UsageException("--port " + port + " on " + host + " cannot be listened on (" + e.getMessage()
          + "): it is in use, or the address is not this machine's; give another --port, or 0 for any free one", e);
    }
  }

  /** Waits until the JVM is told to stop, then closes {@code listener}. */
  public static void untilStopped(AutoCloseable listener, String threadName) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        listener.close();
      } catch (Exception e) {
        // Stopping anyway.
      }
      stopped.countDown();
    }, threadName));
    stopped.await();
  }

  /** Jetty wraps the listener's BindException in an IOException of its own. */
  private static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }
}
