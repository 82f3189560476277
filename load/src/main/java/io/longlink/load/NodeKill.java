package io.longlink.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node of the cluster killed mid-run ({@code --kill-pid}, at {@code --kill-after}): SIGKILL, so
 * that nothing of a graceful shutdown (goaway, close frames, a last flush to the store) helps the
 * cluster; what the node had acked must still reach its recipients through the others. Only a
 * process that is a node is taken: one of this user's, on this machine, listening on the port of
 * a loopback node URL of the run. That is also how the report knows which node died.
 *
 * @param pid the process
 * @param nodes the nodes of the run it serves (indexes into the plan's nodes), at least one
 */
public record NodeKill(long pid, List<Integer> nodes) {

  /** How long a killed process is given to be gone before the run says it is still there. */
  static final Duration GONE_WITHIN = Duration.ofSeconds(5);

  public NodeKill {
    nodes = List.copyOf(nodes);
  }

  /**
   * The kill of {@code pid}, a node among {@code nodes}, or an error for people saying why that
   * process is not one to kill.
   */
  public static NodeKill of(long pid, List<URI> nodes) {
    if (pid <= 1) {
      throw new IllegalArgumentException("--kill-pid " + pid + ": refused, " + (pid == 1 ? "pid 1 is init" : "pid " + pid
          + " is a whole group of processes to kill(2)") + "; give the pid of one node's own process");
    }
    ProcessHandle self = ProcessHandle.current();
    if (pid == self.pid()) {
      throw new IllegalArgumentException("--kill-pid " + pid + ": refused, that is this load generator; give the pid "
          + "of one node's own process");
    }
    for (Optional<ProcessHandle> up = self.parent(); up.isPresent(); up = up.get().parent()) {
      if (up.get().pid() == pid) {
        throw new IllegalArgumentException("--kill-pid " + pid + ": refused, this load generator runs under that "
            + "process (the shell or script that started it); give the pid of one node's own process");
      }
    }
    ProcessHandle handle = ServerProcess.running("--kill-pid", pid, "one node's own process");
    Optional<String> owner = handle.info().user();
    Optional<String> us = self.info().user();
    if (owner.isEmpty() || us.isEmpty() || !owner.equals(us)) {
      throw new IllegalArgumentException("--kill-pid " + pid + ": refused, that process is " + owner.map(o -> o + "'s")
          .orElse("of a user this system does not say") + ", not " + us.orElse("this user") + "'s: a load run kills "
          + "only a node it was started beside, by the same user");
    }
    Set<Integer> listening;
    try {
      listening = ListeningSockets.of(pid);
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("--kill-pid " + pid + ": cannot tell which node that process is, its sockets "
          + "cannot be read from /proc (" + e.getMessage() + "): a node is killed only once it is known to be one", e);
    }
    List<Integer> served = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      URI node = nodes.get(i);
      if (Cluster.loopback(node)) {
        ports.add(port(node));
        if (listening.contains(port(node))) {
          served.add(i);
        }
      }
    }
    if (served.isEmpty()) {
      throw new IllegalArgumentException("--kill-pid " + pid + ": refused, that process listens on no port of a loopback "
          + "node of this run (it listens on " + (listening.isEmpty() ? "none" : listening) + "; the nodes' are " + ports
          + "); give the pid of a node's own process, the java of `longlink serve`, not a shell around it");
    }
    return new NodeKill(pid, served);
  }

  /** What {@link #kill()} returns when the process was still there {@link #GONE_WITHIN} after the signal. */
  static final long STILL_THERE = -1;
  /** What {@link #kill()} returns when the process had ended before the signal was due: no kill was needed. */
  static final long GONE_BEFORE = -2;

  /**
   * Sends SIGKILL and waits up to {@link #GONE_WITHIN} for the process to be gone; returns how
   * long that took in ms (an upper bound: the JDK polls a process that is not its child), or
   * {@link #STILL_THERE}, or {@link #GONE_BEFORE}.
   */
  long kill() throws InterruptedException {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return GONE_BEFORE;
    }
    long start = System.nanoTime();
    // SIGKILL on Unix; the JDK checks the process's start time first, so a pid reused since is not hit.
    handle.get().destroyForcibly();
    try {
      handle.get().onExit().get(GONE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    } catch (TimeoutException | ExecutionException e) {
      return STILL_THERE;
    }
  }

  static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "wss".equals(uri.getScheme()) ? 443 : 80;
  }
}
