package io.longlink.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one load run does: {@code connections} users, one connection each, sending direct chats
 * to one another (or, with {@code roomSize} above 0, chats to rooms of that many users) at
 * {@code ratePerSecond} in all for {@code duration}, and with {@code chaos} above 0 dropping that
 * share of the open connections every second without a close frame.
 *
 * @param nodes the WebSocket URLs of the server's nodes, one for a single server: user {@code i}
 *     connects first to node {@code i mod n} and, whenever a connection ends, to the next node
 *     ({@link Cluster}); several nodes must share their store for chats to cross them
 * @param tokens a token for each user id
 * @param signingKeys the signing key of each user id, for servers that sign chats; empty when none
 * @param connections how many users connect, 1-100000
 * @param ratePerSecond chats per second, all senders together, 1-1000000
 * @param warmup how long chats are sent before {@code duration} starts, 0 to 1 h: counted for
 *     lost and duplicated, left out of the latencies (a cold JIT is not the server's steady state)
 * @param duration how long chats are sent and measured, 1 s to 24 h
 * @param chaos the share of open connections dropped every second, 0-1
 * @param bodyBytes the size of each chat's body in UTF-8 bytes, 1-65536
 * @param roomSize 0 for direct chats to a user drawn at random; otherwise the users form rooms of
 *     this many (user {@code i} is in room {@code i / roomSize}), and each chat goes to its sender's room
 * @param stack what the server is: a Longlink server, or the bare stack it is compared with
 * @param connectConcurrency how many opening handshakes may be in flight at once, 1-10000
 * @param drain how long after the last send the run waits for acks and deliveries still owed
 *     before it counts them lost, 1 s to 10 min: at least the server's redelivery and the
 *     clients' longest backoff
 * @param restartAfter when the measured part has run this long, the server is restarted
 *     gracefully (runs that control it only); 0 for no restart
 * @param killAfter when the measured part has run this long, a node's process is sent SIGKILL
 *     ({@link NodeKill}); 0 for no kill
 * @param hold how long the connections stay open, idle, after the drain, 0 to 1 h: while a
 *     benchmark measures the server's memory per connection
 * @param runId tells this run's users from another run's on the same server
 */
public record LoadPlan(
    List<URI> nodes,
    Function<String, String> tokens,
    Function<String, Optional<byte[]>> signingKeys,
    int connections,
    int ratePerSecond,
    Duration warmup,
    Duration duration,
    double chaos,
    int bodyBytes,
    int roomSize,
    Stack stack,
    int connectConcurrency,
    Duration drain,
    Duration restartAfter,
    Duration killAfter,
    Duration hold,
    String runId) {

  /** What kind of server a run loads. */
  public enum Stack {
    /** A Longlink server: auth, chats, acks, deliveries and their acks, heartbeats. */
    LONGLINK,
    /**
     * {@code longlink baseline}: the bare Jetty WebSocket stack the reference server is built on,
     * sending each text frame to every connection of its room, the sender's own copy standing for
     * the ack (a room of one is an echo). What a chat costs beyond the stack is the ratio of the two.
     */
    BARE
  }

  public LoadPlan {
    List<String> problems = new ArrayList<>();
    nodes = nodes == null || nodes.isEmpty() ? Collections.singletonList(null) : nodes;
    for (int i = 0; i < nodes.size(); i++) {
      URI node = nodes.get(i);
      if (node == null || !("ws".equals(node.getScheme()) || "wss".equals(node.getScheme()))) {
        problems.add(i == 0 ? "the URL is " + node + "; give the server's ws:// or wss:// URL"
            : "--node " + node + " is not a ws:// or wss:// URL; give each node's WebSocket URL, e.g. ws://127.0.0.1:8081/ws");
      } else if (nodes.subList(0, i).contains(node)) {
        problems.add("--node " + node + " is given twice; give each node of the cluster once");
      }
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
    if (roomSize != 0) {
      range(problems, "--room-size", roomSize, 2, 100_000, "users per room (0 for direct chats)");
      if (roomSize >= 2 && connections >= 2 && connections % roomSize != 0) {
        problems.add("--connections " + connections + " is not a multiple of --room-size " + roomSize
            + ": every user is in one room of exactly that size; give e.g. --connections "
            + Math.max(roomSize, connections / roomSize * roomSize));
      }
    }
    if (stack == null) {
      problems.add("a load run needs the kind of server it loads");
    } else if (stack == Stack.BARE && chaos > 0) {
      problems.add("--chaos needs a Longlink server: the bare stack keeps nothing for a dropped connection to resume");
    } else if (stack == Stack.BARE && nodes.size() > 1) {
      problems.add("--node needs a Longlink cluster: bare servers share nothing, so users on two of them cannot chat");
    }
    range(problems, "--connect-concurrency", connectConcurrency, 1, 10_000, "handshakes in flight at once");
    if (drain == null || drain.compareTo(Duration.ofSeconds(1)) < 0 || drain.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add("--drain is " + (drain == null ? "missing" : drain.toMillis() + " ms") + "; give 1s to 10min");
    }
    if (insideDuration(problems, "--restart-after", restartAfter, duration, "no restart") && !restartAfter.isZero()
        && stack == Stack.BARE) {
      problems.add("--restart-after needs a Longlink server: the bare stack keeps nothing for its clients to resume");
    }
    if (insideDuration(problems, "--kill-after", killAfter, duration, "no kill") && !killAfter.isZero()) {
      if (stack == Stack.BARE) {
        problems.add("--kill-after needs a Longlink cluster: the bare stack keeps nothing for its clients to resume");
      }
      if (restartAfter != null && !restartAfter.isZero()) {
        problems.add("--kill-after and --restart-after are two ways to end a server mid-run; give one");
      }
    }
    if (hold == null || hold.isNegative() || hold.compareTo(Duration.ofHours(1)) > 0) {
      problems.add("--hold is " + (hold == null ? "missing" : hold.toMillis() + " ms") + "; give 0s to 1h");
    }
    // The fields are not set yet in a compact constructor: computed from the parameters.
    long total = problems.isEmpty() ? (long) ratePerSecond * (warmup.toMillis() + duration.toMillis()) / 1_000 : 0;
    if (total > MOST_CHATS) {
      problems.add("--rate " + ratePerSecond + " for " + (warmup.toSeconds() + duration.toSeconds()) + " s (warm-up "
          + "included) is " + total + " chats; a run sends at most " + MOST_CHATS + " (it keeps three bits per chat): "
          + "lower --rate or shorten --duration");
    } else if (roomSize > 1 && total * roomSize > MOST_DELIVERIES) {
      problems.add("--rate " + ratePerSecond + " for " + (warmup.toSeconds() + duration.toSeconds()) + " s to rooms of "
          + roomSize + " is " + total * roomSize + " deliveries; a run counts at most " + MOST_DELIVERIES + " (a bit each, "
          + "to tell a duplicate): lower --rate or shorten --duration");
    }
    if (runId == null || !runId.matches("[a-z0-9]{1,16}")) {
      problems.add("the run id is " + runId + "; it is 1-16 lowercase letters and digits");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    nodes = List.copyOf(nodes);
  }

  /** The server's URL, the first node's: the one the report is named after. */
  public URI uri() {
    return nodes.get(0);
  }

  /**
   * Whether {@code after}, the time of something done to the server mid-run, is 0 (nothing) or
   * inside the measured part; says what is wrong when not.
   */
  private static boolean insideDuration(List<String> problems, String option, Duration after, Duration duration,
      String zero) {
    if (after == null || after.isNegative() || (!after.isZero() && duration != null && after.compareTo(duration) >= 0)) {
      problems.add(option + " is " + (after == null ? "missing" : after.toMillis() + " ms") + "; give a time inside "
          + "--duration (" + (duration == null ? "?" : duration.toSeconds()) + " s), or 0 for " + zero);
      return false;
    }
    return true;
  }

  /** The most chats one run sends: each is an int index into the tally's bit sets. */
  public static final long MOST_CHATS = 500_000_000L;

  /** The most deliveries one room run tracks: a bit for each, indexed by an int. */
  public static final long MOST_DELIVERIES = Integer.MAX_VALUE;

  /** The same plan against another server, a single one. */
  public LoadPlan withUri(URI other) {
    return new LoadPlan(List.of(other), tokens, signingKeys, connections, ratePerSecond, warmup, duration, chaos,
        bodyBytes, roomSize, stack, connectConcurrency, drain, restartAfter, killAfter, hold, runId);
  }

  /**
   * How many places a chat's deliveries are counted in: 1 for direct chats (its recipient), the
   * room size for room chats (a place for each member, the sender's never filled).
   */
  public int places() {
    return roomSize == 0 ? 1 : roomSize;
  }

  /** How many users a chat is delivered to, the sender never; 0 on the bare stack's echo. */
  public int recipients() {
    if (roomSize == 0) {
      return stack == Stack.BARE ? 0 : 1;
    }
    return roomSize - 1;
  }

  /** The room of user {@code i}, when the run chats in rooms. */
  public String room(int i) {
    return "room-" + runId + "-" + i / roomSize;
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
