package io.longlink.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's processes, when they run on this machine: one, or a cluster's nodes and its store.
 * Their CPU time read at the start and the end of the measured part of a run gives what a chat
 * costs the server, and their resident memory what the connections hold. Read from outside (the
 * kernel's accounting), so it works for any server.
 */
public final class ServerProcess {

  private final List<ProcessHandle> handles;

  private ServerProcess(List<ProcessHandle> handles) {
    this.handles = List.copyOf(handles);
  }

  /** The process {@code pid}, or a clear error when there is none or its CPU time cannot be read here. */
  public static ServerProcess of(long pid) {
    return of(List.of(pid));
  }

  /** The processes together (their CPU and memory summed), each checked as {@link #of(long)} checks one. */
  public static ServerProcess of(List<Long> pids) {
    if (pids.isEmpty()) {
      throw new IllegalArgumentException("--server-pid: give the pid of at least one process of the server");
    }
    List<ProcessHandle> handles = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle handle = running("--server-pid", pid, "the server under load");
      if (handle.info().totalCpuDuration().isEmpty()) {
        throw new IllegalArgumentException("--server-pid " + pid + ": the CPU time of that process cannot be read "
            + "(another user's process, or a system without /proc): run the server as the same user");
      }
      handles.add(handle);
    }
    return new ServerProcess(handles);
  }

  /** The live process {@code pid}, or an error naming {@code option} and saying to give the pid of {@code what}. */
  static ProcessHandle running(String option, long pid, String what) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(() -> new IllegalArgumentException(
        option + " " + pid + ": no such process on this machine; give the pid of " + what));
  }

  /** The first process's pid. */
  public long pid() {
    return handles.get(0).pid();
  }

  /** Every process's pid, in the order given. */
  public List<Long> pids() {
    return handles.stream().map(ProcessHandle::pid).toList();
  }

  /** User and system CPU the processes have used so far, summed; empty once one of them ended. */
  public Optional<Duration> cpu() {
    Duration total = Duration.ZERO;
    for (ProcessHandle handle : handles) {
      Optional<Duration> cpu = handle.info().totalCpuDuration();
      if (cpu.isEmpty()) {
        return Optional.empty();
      }
      total = total.plus(cpu.get());
    }
    return Optional.of(total);
  }

  /** Resident memory in bytes ({@code VmRSS}), summed; empty where {@code /proc} does not say. */
  public Optional<Long> residentBytes() {
    long total = 0;
    for (ProcessHandle handle : handles) {
      Optional<Long> rss = residentBytes(handle.pid());
      if (rss.isEmpty()) {
        return Optional.empty();
      }
      total += rss.get();
    }
    return Optional.of(total);
  }

  private static Optional<Long> residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.trim().split("\\s+");
          return Optional.of(Long.parseLong(parts[1]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
