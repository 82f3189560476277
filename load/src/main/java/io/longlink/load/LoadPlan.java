package io.longlink.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one load run does: {@code connections} users, one connection each, sending direct chats
 * to one another at {@code ratePerSecond} in all for {@code duration}, and with {@code chaos}
 * above 0 dropping that share of the open connections every second without a close frame.
 *
 * @param uri the server's WebSocket URL
 * @param tokens a token for each user id
 * @param signingKeys the signing key of each user id, for servers that sign chats; empty when none
 * @param connections how many users connect, 1-100000
 * @param ratePerSecond chats per second, all senders together, 1-1000000
 * @param warmup how long chats are sent before {@code duration} starts, 0 to 1 h: counted for
 *     lost and duplicated, left out of the latencies (a cold JIT is not the server's steady state)
 * @param duration how long chats are sent and measured, 1 s to 24 h
 * @param chaos the share of open connections dropped every second, 0-1
 * @param bodyBytes the size of each chat's body in UTF-8 bytes, 1-65536
 * @param connectConcurrency how many opening handshakes may be in flight at once, 1-10000
 * @param drain how long after the last send the run waits for acks and deliveries still owed
 *     before it counts them lost, 1 s to 10 min: at least the server's redelivery and the
 *     clients' longest backoff
 * @param runId tells this run's users from another run's on the same server
 */
public record LoadPlan(
    URI uri,
    Function<String, String> tokens,
    Function<String, Optional<byte[]>> signingKeys,
    int connections,
    int ratePerSecond,
    Duration warmup,
    Duration duration,
    double chaos,
    int bodyBytes,
    int connectConcurrency,
    Duration drain,
    String runId) {

  public LoadPlan {
    List<String> problems = new ArrayList<>();
    if (uri == null || !("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme()))) {
      problems.add("the URL is " + uri + "; give the server's ws:// or wss:// URL");
    }
    if (tokens == null || signingKeys == null) {
      problems.add("a load run needs a token for each user (and a signing key, or none, for each)");
    }
    range(problems, "--connections", connections, 2, 100_000, "users, one connection each (direct chats need two)");
    range(problems, "--rate", ratePerSecond, 1, 1_000_000, "chats per second, all senders together");
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(Duration.ofHours(24)) > 0) {
      problems.add("--duration is " + (duration == null ? "missing" : duration.toMillis() + " ms") + "; give 1s to 24h");
    }
    if (warmup == null || warmup.isNegative() || warmup.compareTo(Duration.ofHours(1)) > 0) {
      problems.add("--warmup is " + (warmup == null ? "missing" : warmup.toMillis() + " ms") + "; give 0s to 1h");
    }
    if (!(chaos >= 0 && chaos <= 1)) {
      problems.add("--chaos is " + chaos + "; give the share of connections to drop each second, 0 to 1 (0.01 is one in a hundred)");
    }
    range(problems, "--body-bytes", bodyBytes, 1, 65_536, "bytes of UTF-8 per chat body");
    range(problems, "--connect-concurrency", connectConcurrency, 1, 10_000, "handshakes in flight at once");
    if (drain == null || drain.compareTo(Duration.ofSeconds(1)) < 0 || drain.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add("--drain is " + (drain == null ? "missing" : drain.toMillis() + " ms") + "; give 1s to 10min");
    }
    // The fields are not set yet in a compact constructor: computed from the parameters.
    long total = problems.isEmpty() ? (long) ratePerSecond * (warmup.toMillis() + duration.toMillis()) / 1_000 : 0;
    if (total > MOST_CHATS) {
      problems.add("--rate " + ratePerSecond + " for " + (warmup.toSeconds() + duration.toSeconds()) + " s (warm-up "
          + "included) is " + total + " chats; a run sends at most " + MOST_CHATS + " (it keeps three bits per chat): "
          + "lower --rate or shorten --duration");
    }
    if (runId == null || !runId.matches("[a-z0-9]{1,16}")) {
      problems.add("the run id is " + runId + "; it is 1-16 lowercase letters and digits");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The most chats one run sends: each is an int index into the tally's bit sets. */
  public static final long MOST_CHATS = 500_000_000L;

  /** The same plan against another server. */
  public LoadPlan withUri(URI other) {
    return new LoadPlan(other, tokens, signingKeys, connections, ratePerSecond, warmup, duration, chaos, bodyBytes,
        connectConcurrency, drain, runId);
  }

  /** How many chats the run sends, warm-up included. */
  public long chats() {
    return warmupChats() + Math.multiplyExact((long) ratePerSecond, duration.toMillis()) / 1_000;
  }

  /** How many of them are sent during the warm-up. */
  public long warmupChats() {
    return Math.multiplyExact((long) ratePerSecond, warmup.toMillis()) / 1_000;
  }

  /** The user id of user {@code i}. */
  public String user(int i) {
    return "load-" + runId + "-" + i;
  }

  private static void range(List<String> problems, String option, long value, long min, long max, String unit) {
    if (value < min || value > max) {
      problems.add(option + " is " + value + "; give " + min + "-" + max + " " + unit);
    }
  }
}
