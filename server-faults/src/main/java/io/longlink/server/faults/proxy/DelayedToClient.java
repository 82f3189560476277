package io.longlink.server.faults.proxy;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code --delay-ms MS}: everything toward the client (messages, its close, a drop, the silence)
 * goes MS late, in the order it came. The timers run on one thread, so the actions run one at a
 * time, oldest first, each no sooner than it was due.
 */
final class DelayedToClient implements NetworkFault {

  private final long delayMs;
  private final ScheduledExecutorService timers;
  private final ArrayDeque<Runnable> due = new ArrayDeque<>();

  DelayedToClient(long delayMs, ScheduledExecutorService timers) {
    this.delayMs = delayMs;
    this.timers = timers;
  }

  @Override
  public ClientSide around(ClientSide next) {
    return new ClientSide() {
      @Override
      public void text(String text) {
        later(() -> next.text(text));
      }

      @Override
      public void binary(byte[] data) {
        later(() -> next.binary(data));
      }

      @Override
      public void close(int code, String reason) {
        later(() -> next.close(code, reason));
      }

      @Override
      public void drop() {
        later(next::drop);
      }

      @Override
      public void goSilent() {
        later(next::goSilent);
      }
    };
  }

  private void later(Runnable action) {
    synchronized (due) {
      due.add(action);
    }
    try {
      timers.schedule(this::runOldest, delayMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // The proxy is closing: nothing is delivered any more.
    }
  }

  /** Outside the lock: the action may end the connection, and what hears of that may send again. */
  private void runOldest() {
    Runnable action;
    synchronized (due) {
      action = due.poll();
    }
    if (action != null) {
      action.run();
    }
  }
}
