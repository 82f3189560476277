package io.longlink.cli.check;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class-data archive (the JDK's AppCDS) of the embedded driver's start: every client scenario
 * starts a fresh driver JVM, and with the archive it reaches {@code ready} in about half the time
 * and CPU, which on a small machine is most of a scenario's fixed cost. It is dumped once per
 * class path and JVM, into the temporary directory; without it the driver just starts slower.
 */
final class DriverClassArchive {

  /** A dump is a driver start and exit plus writing ~15 MB: seconds, not more. */
  private static final long DUMP_TIMEOUT_S = 30;
  private static final String SUFFIX = ".jsa";

  private DriverClassArchive() {}

  /**
   * The archive for this java and class path, dumped now if there is none yet; empty when it
   * cannot be had (no writable temporary directory, a JVM without dynamic archives, a dump that failed).
   */
  static Optional<Path> forDriver(String javaBin, String classPath, List<String> jvmFlags) {
    try {
      Path dir = Path.of(System.getProperty("java.io.tmpdir"), "longlink-cds");
      Path archive = dir.resolve(key(javaBin, classPath) + SUFFIX);
      if (Files.isRegularFile(archive)) {
        return Optional.of(archive);
      }
      Files.createDirectories(dir);
      Path partial = dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
      try {
        if (dump(javaBin, classPath, jvmFlags, partial)) {
          // Concurrent runs may dump the same archive: each moves a whole file in place.
          Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          removeOthers(dir, archive);
          return Optional.of(archive);
        }
        return Optional.empty();
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Starts the driver with its standard input at its end: it writes ready, ends, and the JVM dumps what it loaded. */
  private static boolean dump(String javaBin, String classPath, List<String> jvmFlags, Path to) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin, "-XX:ArchiveClassesAtExit=" + to));
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classPath, EmbeddedClient.DRIVER_MAIN));
    Process process = new ProcessBuilder(command).redirectOutput(Redirect.DISCARD).redirectError(Redirect.DISCARD).start();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(DUMP_TIMEOUT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return false;
    }
    return process.exitValue() == 0 && Files.size(to) > 0;
  }

  /** Archives of older builds are of no more use; a JVM that has one open keeps reading it. */
  private static void removeOthers(Path dir, Path keep) throws IOException {
    try (DirectoryStream<Path> archives = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path archive : archives) {
        if (!archive.equals(keep)) {
          Files.deleteIfExists(archive);
        }
      }
    }
  }

  /** Names the JVM and every class path entry with its size and time, so that a rebuild gets a new archive. */
  private static String key(String javaBin, String classPath) throws IOException {
    StringBuilder what = new StringBuilder(javaBin).append('\n').append(System.getProperty("java.vm.version"));
    for (String entry : classPath.split(File.pathSeparator)) {
      Path path = Path.of(entry);
      what.append('\n').append(entry);
      if (Files.isRegularFile(path)) {
        what.append(' ').append(Files.size(path)).append(' ').append(Files.getLastModifiedTime(path).toMillis());
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
      return "driver-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
