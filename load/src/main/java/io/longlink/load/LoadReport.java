package io.longlink.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The outcome of a load run. {@code lost} are chats the server acked that never reached their
 * recipient, although every recipient stayed connected or came back, by the end of the drain;
 * {@code duplicated} are deliveries that reached the recipient's application a second time,
 * past the client's own dedup. Either above 0 breaks the protocol's promise (PROTOCOL.md §11, §12).
 */
public record LoadReport(
    String target,
    LoadPlan.Stack stack,
    int connections,
    int roomSize,
    long established,
    long joined,
    long sessions,
    long connectMs,
    int ratePerSecond,
    long warmupMs,
    long durationMs,
    double chaos,
    long dropped,
    long sent,
    long acked,
    long failed,
    Map<String, Long> failures,
    long delivered,
    long deliveredUnacked,
    long lost,
    long duplicated,
    boolean drained,
    boolean stillDelivering,
    long drainMs,
    Latency ack,
    Latency delivery,
    Map<Integer, Long> closes,
    long clientTaskFailures,
    Cost cost,
    long wallMs,
    Restart restart,
    List<Node> nodes,
    Kill kill) {

  /**
   * A graceful restart during the run: when (ms since the run began, -1 for none), how long until
   * the server listened again, the deliveries still owed of chats acked before it, and whether the
   * server keeps pending deliveries across a restart (when not, those are lost to the restart by
   * design, PROTOCOL.md LL-SHUT-4, and reported apart).
   */
  public record Restart(long atMs, long tookMs, long owedFromBefore, boolean keepsPendingDeliveries) {
    static final Restart NONE = new Restart(-1, -1, 0, true);

    /** Deliveries the restart excuses: none from a server that says it keeps them. */
    long excused() {
      return atMs < 0 || keepsPendingDeliveries ? 0 : owedFromBefore;
    }
  }

  /**
   * What one node of the run saw: WebSocket connections opened there, attempts that ended before
   * their WebSocket opened (refused, reset, timed out, turned away), and connections still open
   * when the report was taken, before the clients closed.
   */
  public record Node(String url, long connections, long connectFailures, long openAtEnd) {}

  /**
   * A node's process killed during the run (SIGKILL): its pid, the nodes it served, when in the
   * measured part it was planned (ms), when it was sent (ms since the run began, -1 for none),
   * and how long after that the process was gone (-1: still there after 5 s; -2: it had ended
   * before the signal was due).
   */
  public record Kill(long pid, List<String> nodes, long afterMs, long atMs, long goneAfterMs) {
    static final Kill NONE = new Kill(-1, List.of(), 0, -1, -1);
  }

  /** This report with what happened to the servers: a restart, each node's counts, a kill. */
  LoadReport with(Restart restart, List<Node> nodes, Kill kill) {
    return new LoadReport(target, stack, connections, roomSize, established, joined, sessions, connectMs, ratePerSecond,
        warmupMs, durationMs, chaos, dropped, sent, acked, failed, failures, delivered, deliveredUnacked, lost, duplicated,
        drained, stillDelivering, drainMs, ack, delivery, closes, clientTaskFailures, cost, wallMs,
        restart.atMs() < 0 ? Restart.NONE : restart, List.copyOf(nodes), kill.atMs() < 0 ? Kill.NONE : kill);
  }

  /**
   * What the measured part cost, -1 where unknown: the server's CPU in all and per chat sent
   * (microseconds), the generator's the same, and the server's resident memory after the sending
   * and at the end of the hold.
   */
  public record Cost(long serverPid, long serverCpuMs, double serverCpuMicrosPerChat, long generatorCpuMs,
      double generatorCpuMicrosPerChat, long serverRssBytesAfterSending, long serverRssBytesHeld, List<Long> serverPids) {

    public Cost {
      serverPids = List.copyOf(serverPids);
    }

    String text() {
      if (serverPid < 0) {
        return String.format("generator %d ms CPU, %.1f µs a chat (give --server-pid for the server's)",
            generatorCpuMs, generatorCpuMicrosPerChat);
      }
      String pids = serverPids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" + "));
      return String.format("server (pid %s) %d ms CPU, %.1f µs a chat; RSS %.1f MB after sending, %.1f MB at the end; "
              + "generator %d ms CPU, %.1f µs a chat", pids, serverCpuMs, serverCpuMicrosPerChat,
          serverRssBytesAfterSending / 1e6, serverRssBytesHeld / 1e6, generatorCpuMs, generatorCpuMicrosPerChat);
    }
  }

  /** A latency distribution in milliseconds, measured from each chat's intended send time. */
  public record Latency(long count, double p50, double p90, double p99, double p999, double max) {
    static Latency of(Histogram micros) {
      return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
          ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
      return Math.round(micros / 10.0) / 100.0;
    }

    @Override
    public String toString() {
      return String.format("p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f ms  (%d)", p50, p90, p99, p999, max, count);
    }
  }

  static LoadReport of(LoadPlan plan, Tally t, long established, long joined, long connectMs, long drainMs,
      boolean drained, boolean stillDelivering, long dropped, long taskFailures, CostMeter cost, long wallMs) {
    return new LoadReport(plan.uri().toString(), plan.stack(), plan.connections(), plan.roomSize(), established, joined,
        t.sessions(), connectMs,
        plan.ratePerSecond(), plan.warmup().toMillis(), plan.duration().toMillis(), plan.chaos(), dropped, t.sentCount(), t.ackedCount(),
        t.failedCount(), t.failures(), t.deliveredCount(), t.deliveredUnacked(), t.owed(), t.duplicates(), drained,
        stillDelivering, drainMs, Latency.of(t.ackMicros()), Latency.of(t.deliveryMicros()), t.closes(), taskFailures, cost.cost(), wallMs, Restart.NONE,
        plan.nodes().stream().map(n -> new Node(n.toString(), 0, 0, 0)).toList(), Kill.NONE);
  }

  /**
   * Whether the run kept every promise: nothing acked lost, nothing delivered twice, every user
   * connected (and in its room).
   */
  public boolean kept() {
    return lost - restart.excused() == 0 && duplicated == 0 && established == connections && joined == connections && clientTaskFailures == 0;
  }

  /**
   * KEPT, BROKEN, or UNDECIDED: what is owed when the drain ended while acks or deliveries were
   * still coming is the backlog of an overloaded server, not shown lost (a run with a duplicate,
   * or a user that never connected, is BROKEN all the same).
   */
  public String verdict() {
    if (kept()) {
      return "KEPT";
    }
    boolean onlyOwed = duplicated == 0 && established == connections && joined == connections && clientTaskFailures == 0;
    return onlyOwed && stillDelivering ? "UNDECIDED" : "BROKEN";
  }

  /** What became of a killed process, from what {@link NodeKill#kill()} returned. */
  static String gone(long goneAfterMs) {
    if (goneAfterMs == NodeKill.GONE_BEFORE) {
      return "it had ended before the signal was due";
    }
    return goneAfterMs < 0 ? "still there " + NodeKill.GONE_WITHIN.toSeconds() + " s after the signal"
        : "gone within " + goneAfterMs + " ms of the signal";
  }

  /** The report for people. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append("longlink load ").append(target).append(stack == LoadPlan.Stack.BARE ? " (the bare stack)" : "").append('\n');
    b.append(String.format("  connections  %d of %d established in %d ms; %d sessions in all (%d after a drop or close)%n",
        established, connections, connectMs, sessions, Math.max(0, sessions - established)));
    if (nodes.size() > 1 || kill.atMs() >= 0) {
      b.append(String.format("  nodes        %d; user i first on node i mod %d, every reconnect on the next node%n",
          nodes.size(), nodes.size()));
      for (int i = 0; i < nodes.size(); i++) {
        Node n = nodes.get(i);
        b.append(String.format("    node %-3d   %s: %d connections, %d connect failures, %d open at the end%s%n", i + 1,
            n.url(), n.connections(), n.connectFailures(), n.openAtEnd(), kill.nodes().contains(n.url()) ? " (killed)" : ""));
      }
    }
    if (roomSize > 0) {
      b.append(String.format("  rooms        %d of %d users each; %d of %d users joined%n", connections / roomSize, roomSize,
          joined, connections));
    }
    b.append(String.format("  chats        %d sent %s at %d/s for %d ms (after %d ms of warm-up); %d acked, %d failed, "
        + "%d deliveries%n", sent, roomSize > 0 ? "to rooms" : stack == LoadPlan.Stack.BARE ? "to be echoed" : "to users",
        ratePerSecond, durationMs, warmupMs, acked, failed, delivered));
    failures.forEach((why, n) -> b.append("               failed ").append(n).append(": ").append(why).append('\n'));
    if (stillDelivering) {
      b.append(String.format("  owed         %d deliveries of acked chats not made when the drain of %d ms ended, the server "
          + "still delivering%n", lost, drainMs));
    } else {
      b.append(String.format("  lost         %d deliveries (of acked chats, never made%s)%n", lost,
          drained ? "" : ", after a drain of " + drainMs + " ms that did not finish"));
    }
    if (restart.atMs() >= 0) {
      b.append(String.format("  restart      graceful, %d ms into the run; listening again %d ms later; %d deliveries of chats "
          + "acked before it never made%s%n", restart.atMs(), restart.tookMs(), restart.owedFromBefore(),
          restart.keepsPendingDeliveries() ? " (counted as lost: this server keeps pending deliveries across a restart)"
              : ": lost to the restart, this server keeps pending deliveries in memory (PROTOCOL.md LL-SHUT-4); "
                  + "not counted against the run, a durable store must show 0"));
    }
    if (kill.atMs() >= 0) {
      b.append(String.format("  kill         SIGKILL to pid %d (%s) %d ms into the run, %d ms into the measured part; %s "
          + "(nothing is excused: a chat it acked is owed like any other)%n", kill.pid(), String.join(", ", kill.nodes()),
          kill.atMs(), kill.afterMs(), gone(kill.goneAfterMs())));
    }
    b.append(String.format("  duplicated   %d (delivered to the application twice)%n", duplicated));
    if (deliveredUnacked > 0) {
      b.append(String.format("  unacked      %d delivered whose ack the sender never saw (a dropped link took it)%n",
          deliveredUnacked));
    }
    b.append(String.format("  chaos        %.4f of open connections a second: %d dropped without a close frame%n",
        chaos, dropped));
    b.append("  latency      from each chat's intended send time, warm-up left out\n");
    b.append("  ack          ").append(ack).append('\n');
    b.append("  delivery     ").append(delivery).append('\n');
    b.append("  closes       ").append(closes.isEmpty() ? "none" : closes.toString()).append('\n');
    b.append("  cost         ").append(cost.text()).append('\n');
    if (clientTaskFailures > 0) {
      b.append("  client bugs  ").append(clientTaskFailures).append(" client tasks threw\n");
    }
    switch (verdict()) {
      case "KEPT" -> b.append(restart.excused() > 0
          ? "Result: KEPT, but for the restart: " + restart.excused() + " deliveries went with the in-memory store "
              + "(LL-SHUT-4); nothing else acked was lost, nothing was delivered twice\n"
          : "Result: KEPT: nothing acked was lost or delivered twice\n");
      case "UNDECIDED" -> b.append("Result: UNDECIDED: the server was still acking or delivering when the drain of ")
          .append(drainMs).append(" ms ended, with ").append(lost).append(" deliveries owed: overloaded, not shown to lose "
              + "anything; lower --rate or give a longer --drain\n");
      default -> b.append("Result: BROKEN: " + (lost - restart.excused() > 0 ? lost - restart.excused() + " lost " : "") + (duplicated > 0 ? duplicated + " duplicated " : "")
          + (established < connections ? (connections - established) + " users never connected " : "")
          + (established == connections && joined < connections ? (connections - joined) + " users never joined their room " : "")
          + (clientTaskFailures > 0 ? clientTaskFailures + " client tasks threw" : "") + "\n");
    }
    return b.toString();
  }

  /** The report as JSON ({@code format: longlink-load/1}). */
  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "longlink-load/1");
    root.put("kept", kept());
    root.put("verdict", verdict());
    root.put("report", this);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the load report could not be written as JSON: " + e.getMessage(), e);
    }
  }
}
