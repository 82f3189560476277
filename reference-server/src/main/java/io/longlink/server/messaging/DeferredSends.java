package io.longlink.server.messaging;

import java.util.ArrayDeque;

/**
 * Writes that wait until the hub's lock is released. A WebSocket send writes to the socket on the
 * calling thread when the socket is ready (Jetty's flusher does), so a send made under the lock
 * held the lock across I/O and made every chat wait for every other chat's writes. Inside
 * {@link #begin()} and {@link #end()} a connection's flush is queued on this thread instead, and
 * runs once the outermost {@code end()} has been reached, after the lock is released. The order
 * of frames on each connection is fixed by the order they were queued in, under the lock; only
 * the writing moves.
 */
public final class DeferredSends {

  private static final class Frame {
    int depth;
    final ArrayDeque<Runnable> flushes = new ArrayDeque<>();
  }

  private static final ThreadLocal<Frame> CURRENT = ThreadLocal.withInitial(Frame::new);

  private DeferredSends() {}

  /** Sends from here on wait for the matching {@link #end()}. */
  static void begin() {
    CURRENT.get().depth++;
  }

  /** Ends what {@link #begin()} started; the outermost end runs the flushes queued meanwhile. */
  static void end() {
    Frame frame = CURRENT.get();
    if (--frame.depth > 0) {
      return;
    }
    // A flush can close a connection on this thread, and the close takes the lock again: polling
    // (not iterating) lets such nested flushes join the same queue.
    for (Runnable flush; (flush = frame.flushes.poll()) != null; ) {
      flush.run();
    }
  }

  /** Runs {@code flush} now, or after the lock is released when this thread holds it. */
  public static void flush(Runnable flush) {
    Frame frame = CURRENT.get();
    if (frame.depth > 0) {
      frame.flushes.add(flush);
    } else {
      flush.run();
    }
  }
}
