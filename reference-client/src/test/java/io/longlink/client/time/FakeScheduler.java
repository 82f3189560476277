package io.longlink.client.time;

import java.util.PriorityQueue;

/**
 * A scheduler whose clock moves only when the test says: {@link #advance(long)} runs every task
 * that falls due, in time order, with the clock set to each task's time. Tests of backoff and
 * heartbeat are then exact and take microseconds.
 */
public final class FakeScheduler implements ClientScheduler {

  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long order;

  public FakeScheduler(long start) {
    this.now = start;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public void execute(Runnable task) {
    schedule(0, task);
  }

  @Override
  public Cancellable schedule(long delayMs, Runnable task) {
    Task t = new Task(now + Math.max(0, delayMs), order++, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Runs what is due now, including what those tasks schedule for now. */
  public void runDue() {
    advance(0);
  }

  /** Moves the clock by {@code ms}, running every task that falls due on the way. */
  public void advance(long ms) {
    long until = now + ms;
    while (!tasks.isEmpty() && tasks.peek().at <= until) {
      Task t = tasks.poll();
      now = Math.max(now, t.at);
      if (!t.cancelled) {
        t.task.run();
      }
    }
    now = until;
  }

  /** When the next live task is due, or -1 when none is. */
  public long nextDue() {
    return tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.at).min().orElse(-1);
  }

  private static final class Task implements Comparable<Task> {
    final long at;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Task(long at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Task other) {
      return at != other.at ? Long.compare(at, other.at) : Long.compare(seq, other.seq);
    }
  }
}
