package io.longlink.server.faults.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The network faults the proxy puts between itself and every client, for clients under test
 * behind it: a link that goes half-open ({@code --silent-after}), one that drops
 * ({@code --drop-after}, {@code --cut-after}), one that is slow ({@code --delay-ms}). At most one
 * of the three that end the link; the delay goes with any. Counts of messages are per connection.
 *
 * @param silentAfter messages from upstream before the link goes half-open, or {@link #OFF}
 * @param dropAfter messages from upstream before the client's TCP connection drops, or {@link #OFF}
 * @param cutAfter messages to the client before its TCP connection drops, or {@link #OFF}
 * @param delayMs how late everything toward the client goes, 0 for not at all
 */
public record NetworkFaults(int silentAfter, int dropAfter, int cutAfter, long delayMs) {

  /** A count that is not set. */
  public static final int OFF = -1;
  /** The largest count. */
  public static final int MAX_MESSAGES = 1_000_000;
  /** The longest delay. */
  public static final long MAX_DELAY_MS = 60_000;

  private static final NetworkFaults NONE = new NetworkFaults(OFF, OFF, OFF, 0);

  public NetworkFaults {
    count("--silent-after", silentAfter);
    count("--drop-after", dropAfter);
    count("--cut-after", cutAfter);
    if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
      throw new IllegalArgumentException("--delay-ms is " + delayMs + "; give 0-" + MAX_DELAY_MS + " ms (0 for no delay)");
    }
    List<String> ending = new ArrayList<>();
    if (silentAfter != OFF) {
      ending.add("--silent-after");
    }
    if (dropAfter != OFF) {
      ending.add("--drop-after");
    }
    if (cutAfter != OFF) {
      ending.add("--cut-after");
    }
    if (ending.size() > 1) {
      throw new IllegalArgumentException(String.join(" and ", ending) + (ending.size() == 2 ? " both" : " all")
          + " end the link; give one of --silent-after, --drop-after, --cut-after (--delay-ms goes with any)");
    }
  }

  private static void count(String option, int value) {
    if (value != OFF && (value < 0 || value > MAX_MESSAGES)) {
      throw new IllegalArgumentException(option + " is " + value + "; give 0-" + MAX_MESSAGES + " messages");
    }
  }

  /** No network fault: the proxy passes everything on at once. */
  public static NetworkFaults none() {
    return NONE;
  }

  public NetworkFaults silentAfter(int messages) {
    return new NetworkFaults(messages, dropAfter, cutAfter, delayMs);
  }

  public NetworkFaults dropAfter(int messages) {
    return new NetworkFaults(silentAfter, messages, cutAfter, delayMs);
  }

  public NetworkFaults cutAfter(int messages) {
    return new NetworkFaults(silentAfter, dropAfter, messages, delayMs);
  }

  public NetworkFaults delayMs(long ms) {
    return new NetworkFaults(silentAfter, dropAfter, cutAfter, ms);
  }

  public boolean isNone() {
    return equals(NONE);
  }

  /** What the faults do, for the proxy's banner, e.g. "silent after 3 messages from upstream"; empty for none. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (silentAfter != OFF) {
      parts.add("silent after " + silentAfter + " messages from upstream");
    }
    if (dropAfter != OFF) {
      parts.add("dropped after " + dropAfter + " messages from upstream");
    }
    if (cutAfter != OFF) {
      parts.add("dropped after " + cutAfter + " messages to the client");
    }
    if (delayMs > 0) {
      parts.add("everything to the client " + delayMs + " ms late");
    }
    return String.join(", ", parts);
  }

  /** One connection's faults, the one nearest the chain first. */
  List<NetworkFault> open(ScheduledExecutorService timers) {
    List<NetworkFault> faults = new ArrayList<>();
    if (silentAfter != OFF) {
      faults.add(new SilentAfter(silentAfter));
    }
    if (dropAfter != OFF) {
      faults.add(DropAfter.fromUpstream(dropAfter));
    }
    if (cutAfter != OFF) {
      faults.add(DropAfter.toClient(cutAfter));
    }
    if (delayMs > 0) {
      // Nearest the client: what the faults above decide (a drop, the silence) goes late too, after the messages before it.
      faults.add(new DelayedToClient(delayMs, timers));
    }
    return faults;
  }
}
