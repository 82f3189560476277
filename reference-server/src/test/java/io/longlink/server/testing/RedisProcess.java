package io.longlink.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, with its data in a directory of its own,
 * persisted with an append-only file fsynced on every write ({@code appendfsync always}) unless
 * asked otherwise. Stopped gracefully, killed (SIGKILL), and started again on the same port and
 * data: what a restart test needs. No mock and no container: .ci/run installs the Debian package.
 */
public final class RedisProcess implements AutoCloseable {

  private static final Duration START_DEADLINE = Duration.ofSeconds(20);

  private final Path dir;
  private final int port;
  private final List<String> persistence;
  private Process process;

  private RedisProcess(Path dir, int port, List<String> persistence) {
    this.dir = dir;
    this.port = port;
    this.persistence = persistence;
  }

  /** Redis with AOF, every write fsynced before it is answered. */
  public static RedisProcess startDurable() throws Exception {
    return start(List.of("--appendonly", "yes", "--appendfsync", "always", "--save", ""));
  }

  /** Redis with no persistence at all: a restart loses everything. */
  public static RedisProcess startVolatile() throws Exception {
    return start(List.of("--appendonly", "no", "--save", ""));
  }

  private static RedisProcess start(List<String> persistence) throws Exception {
    RedisProcess redis = new RedisProcess(Files.createTempDirectory("longlink-redis-"), freePort(), persistence);
    redis.launch();
    return redis;
  }

  /** The URL {@code serve --store} takes. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown, no last write; only what was already persisted survives. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("redis-server on port " + port + " did not die of SIGKILL within 10 s");
    }
  }

  /** Starts it again on the same port and data directory. */
  public void restart() throws Exception {
    if (process.isAlive()) {
      kill();
    }
    launch();
  }

  private void launch() throws Exception {
    List<String> command = new ArrayList<>(List.of(executable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--daemonize", "no", "--protected-mode", "yes", "--logfile", dir.resolve("redis.log").toString()));
    command.addAll(persistence);
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    while (!answersPing()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue() + " on port " + port + "; see "
            + dir.resolve("redis.log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
            + START_DEADLINE.toSeconds() + " s; see " + dir.resolve("redis.log"));
      }
      Thread.sleep(20);
    }
  }

  /** PING, and the loading of the AOF done (a loading server answers -LOADING). */
  private boolean answersPing() {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] reply = new byte[7];
      int n = in.readNBytes(reply, 0, 7);
      return n == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  private static String executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "redis-server");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException("redis-server is not on PATH; install it (Debian: apt-get install redis-server; "
        + ".ci/run does) to run the tests of the Redis store");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
