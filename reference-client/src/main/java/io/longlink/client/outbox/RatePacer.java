package io.longlink.client.outbox;

import io.longlink.client.connection.SessionParams;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Keeps the client under the server's rate limit (LL-LIM-8): at most {@code rate_messages}
 * chats, joins and leaves in any {@code rate_window_ms}. The window is widened by a margin
 * because the server counts arrivals, and the network can bunch up frames that left spaced.
 */
final class RatePacer {

  private final ArrayDeque<Long> sendTimes = new ArrayDeque<>();

  /** The margin added to the window: a tenth of it, at least 50 ms. */
  static long margin(long windowMs) {
    return Math.max(50, windowMs / 10);
  }

  /** The earliest time, at or after {@code now}, when one more message may leave. */
  long nextSlot(long now, SessionParams p) {
    long window = p.rateWindowMs() + margin(p.rateWindowMs());
    while (!sendTimes.isEmpty() && sendTimes.peekFirst() <= now - window) {
      sendTimes.removeFirst();
    }
    long excess = sendTimes.size() - p.rateMessages();
    if (excess < 0) {
      return now;
    }
    // Enough of the oldest sends have to age out of the window that one more fits.
    Iterator<Long> oldest = sendTimes.iterator();
    long time = oldest.next();
    for (long i = 0; i < excess; i++) {
      time = oldest.next();
    }
    return time + window;
  }

  /** One message left at {@code now}. */
  void record(long now) {
    sendTimes.addLast(now);
  }
}
