package io.longlink.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's process, when it runs on this machine: its CPU time read at the start and the end
 * of the measured part of a run gives what a chat costs the server, and its resident memory what
 * the connections hold. Read from outside (the kernel's accounting), so it works for any server.
 */
public final class ServerProcess {

  private final ProcessHandle handle;

  private ServerProcess(ProcessHandle handle) {
    this.handle = handle;
  }

  /** The process {@code pid}, or a clear error when there is none or its CPU time cannot be read here. */
  public static ServerProcess of(long pid) {
    ProcessHandle handle = running("--server-pid", pid, "the server under load");
    if (handle.info().totalCpuDuration().isEmpty()) {
      throw new IllegalArgumentException("--server-pid " + pid + ": the CPU time of that process cannot be read "
          + "(another user's process, or a system without /proc): run the server as the same user");
    }
    return new ServerProcess(handle);
  }

  /** The live process {@code pid}, or an error naming {@code option} and saying to give the pid of {@code what}. */
  static ProcessHandle running(String option, long pid, String what) {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(() -> new IllegalArgumentException(
        option + " " + pid + ": no such process on this machine; give the pid of " + what));
  }

  public long pid() {
    return handle.pid();
  }

  /** User and system CPU the process has used so far; empty once it ended. */
  public Optional<Duration> cpu() {
    return handle.info().totalCpuDuration();
  }

  /** Resident memory in bytes ({@code VmRSS}); empty where {@code /proc} does not say. */
  public Optional<Long> residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
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
