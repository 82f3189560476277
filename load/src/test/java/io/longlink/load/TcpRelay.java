package io.longlink.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay to a loopback port, in a process of its own: a stand-in for a second node of a
 * cluster that shares the first node's store (it is the first node, seen through another port),
 * which a test can SIGKILL. Its sockets then end as a killed node's do: no close frame, the
 * kernel resets or ends them. It exits when its standard input ends (the test's JVM is gone).
 */
public final class TcpRelay {

  private TcpRelay() {}

  public static void main(String[] args) throws IOException {
    int target = Integer.parseInt(args[0]);
    Thread parentGone = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // Nothing is sent on stdin: it only ends.
        }
      } catch (IOException e) {
        // Ended all the same.
      }
      System.exit(0);
    });
    parentGone.setDaemon(true);
    parentGone.start();
    try (ServerSocket listener = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
      System.out.println("listening " + listener.getLocalPort());
      System.out.flush();
      while (true) {
        Socket in = listener.accept();
        try {
          Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
          pump(in, out);
          pump(out, in);
        } catch (IOException e) {
          in.close();
        }
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      try {
        from.getInputStream().transferTo(to.getOutputStream());
      } catch (IOException e) {
        // One side ended.
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException e) {
          // Closed already.
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  /** A relay process started by a test. */
  record Started(Process process, int port) implements AutoCloseable {

    /** The target's WebSocket URL, through the relay. */
    URI uri(URI target) {
      return URI.create(target.getScheme() + "://127.0.0.1:" + port + target.getRawPath());
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts a relay to {@code targetPort} and waits, at most 20 s, until it listens. */
  static Started start(int targetPort) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = Path.of(TcpRelay.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    Process process = new ProcessBuilder(java, "-cp", classes, TcpRelay.class.getName(), Integer.toString(targetPort))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = CompletableFuture.supplyAsync(() -> {
        try {
          return lines.readLine();
        } catch (IOException e) {
          return null;
        }
      }).get(20, TimeUnit.SECONDS);
      if (first == null || !first.startsWith("listening ")) {
        throw new IllegalStateException("the relay did not start: it said " + first);
      }
      return new Started(process, Integer.parseInt(first.substring("listening ".length()).trim()));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }
}
