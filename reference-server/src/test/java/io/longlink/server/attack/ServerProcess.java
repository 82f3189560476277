package io.longlink.server.attack;

import io.longlink.server.testing.ServeMain;
import io.longlink.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference server in a JVM of its own, with a heap of its own, so that what its heap holds
 * is measured and an OutOfMemoryError in it is seen in its output rather than in the test's.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("Longlink reference server on (ws://\\S+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile URI uri;

  private ServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "server-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code longlink serve} on a free loopback port with this heap ({@code 128m}) and these flags. */
  static ServerProcess start(String maxHeap, List<String> flags) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), ServeMain.class.getName(),
        "--host", "127.0.0.1", "--port", "0"));
    command.addAll(flags);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LONGLINK_JWT_SECRET", new String(TestServer.JWT_SECRET, StandardCharsets.UTF_8));
    ServerProcess server = new ServerProcess(builder.start());
    if (!server.started.await(60, TimeUnit.SECONDS)) {
      server.close();
      throw new IllegalStateException("the server process did not start within 60 s; its output:\n" + server.output());
    }
    return server;
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          uri = URI.create(m.group(1));
          started.countDown();
        }
      }
    } catch (Exception e) {
      synchronized (output) {
        output.add("(reading the output failed: " + e + ")");
      }
    }
  }

  URI uri() {
    return uri;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Whether /healthz answered "ok" within {@code timeout}. */
  boolean healthy(Duration timeout) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(http("/healthz")).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().startsWith("ok");
    } catch (Exception e) {
      return false;
    }
  }

  /** The samples of /metrics by name, labels included ({@code longlink_closes_total{code="1011"}}). */
  Map<String, Double> metrics(Duration timeout) throws Exception {
    String text = HTTP.send(HttpRequest.newBuilder(http("/metrics")).timeout(timeout).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      int space = line.lastIndexOf(' ');
      if (!line.startsWith("#") && space > 0) {
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  private URI http(String path) {
    return URI.create("http://" + uri.getHost() + ":" + uri.getPort() + path);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
