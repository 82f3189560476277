package io.longlink.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TCP ports a process listens on, read from Linux's {@code /proc}: the socket inodes among
 * its open files ({@code /proc/PID/fd}), matched against the listening sockets of its network
 * namespace ({@code /proc/PID/net/tcp} and {@code tcp6}). What lets a run tell which node a
 * process is before it kills it, and refuse one that is no node of the cluster.
 */
final class ListeningSockets {

  /** {@code st} of a socket in the LISTEN state, in {@code /proc/net/tcp}. */
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** The ports {@code pid} listens on; an IOException when {@code /proc} does not say (another system, another user). */
  static Set<Integer> of(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[") && target.endsWith("]")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (NoSuchFileException e) {
          // Closed while we looked.
        }
      }
    }
    Set<Integer> ports = new TreeSet<>();
    for (String table : new String[] {"tcp", "tcp6"}) {
      Path file = proc.resolve("net").resolve(table);
      if (Files.isReadable(file)) {
        listening(Files.readAllLines(file), inodes, ports);
      }
    }
    return ports;
  }

  /** Adds to {@code ports} the local port of every LISTEN line of a {@code /proc/net/tcp} table whose inode is in {@code inodes}. */
  static void listening(Iterable<String> table, Set<String> inodes, Set<Integer> ports) {
    for (String line : table) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      String[] f = line.trim().split("\\s+");
      if (f.length < 10 || !f[0].endsWith(":") || !LISTEN.equals(f[3]) || !inodes.contains(f[9])) {
        continue;
      }
      int colon = f[1].lastIndexOf(':');
      try {
        ports.add(Integer.parseInt(f[1].substring(colon + 1), 16));
      } catch (NumberFormatException e) {
        // Not a line of the table's format.
      }
    }
  }
}
