package io.longlink.load;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the measured part of a run cost: the server's CPU (when its process is known) and the
 * generator's own, read as the part starts and as it ends, and the server's resident memory at
 * the end of the sending and of the hold. The generator's CPU is there because on one machine
 * the two share the cores: a figure that is the generator's limit must not pass for the server's.
 */
final class CostMeter {

  private final Optional<ServerProcess> server;
  private volatile Duration serverAtStart;
  private volatile Duration ownAtStart;
  private volatile Duration serverSpent;
  private volatile Duration ownSpent;
  private volatile long chats;
  private volatile long rssAfterSending = -1;
  private volatile long rssHeld = -1;

  CostMeter(Optional<ServerProcess> server) {
    this.server = server;
  }

  void measuredPartStarts() {
    serverAtStart = server.flatMap(ServerProcess::cpu).orElse(null);
    ownAtStart = ownCpu();
  }

  void measuredPartEnds(long measuredChats) {
    chats = measuredChats;
    Duration own = ownCpu();
    if (ownAtStart != null && own != null) {
      ownSpent = own.minus(ownAtStart);
    }
    Duration now = server.flatMap(ServerProcess::cpu).orElse(null);
    if (serverAtStart != null && now != null) {
      serverSpent = now.minus(serverAtStart);
    }
    rssAfterSending = server.flatMap(ServerProcess::residentBytes).orElse(-1L);
  }

  void held() {
    rssHeld = server.flatMap(ServerProcess::residentBytes).orElse(-1L);
  }

  /** The figures, or what is unknown as -1. */
  LoadReport.Cost cost() {
    return new LoadReport.Cost(server.map(ServerProcess::pid).orElse(-1L), millis(serverSpent), perChat(serverSpent),
        millis(ownSpent), perChat(ownSpent), rssAfterSending, rssHeld, server.map(ServerProcess::pids).orElse(List.of()));
  }

  private double perChat(Duration spent) {
    return spent == null || chats == 0 ? -1 : Math.round(spent.toNanos() / 100.0 / chats) / 10.0;
  }

  private static long millis(Duration d) {
    return d == null ? -1 : d.toMillis();
  }

  private static Duration ownCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(null);
  }
}
