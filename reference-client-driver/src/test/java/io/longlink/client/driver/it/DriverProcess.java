package io.longlink.client.driver.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.client.driver.DriverMain;
import io.longlink.client.driver.InProcessDriver;
import io.longlink.schema.MessageCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The driver as the kit sees it: a child process on this test's class path or the driver in this
 * JVM, fed command lines on its standard input, its standard output read line by line. Every line it writes is checked
 * against event.json as it arrives; {@link #close()} fails the test if one broke the schema.
 */
final class DriverProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final List<String> schemaErrors = Collections.synchronizedList(new ArrayList<>());
  private final StringBuffer stderr = new StringBuffer();
  private int cids;
  private volatile boolean closing;

  private DriverProcess(Process process) {
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread out = new Thread(this::readEvents, "driver-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(() -> drain(process), "driver-stderr");
    err.setDaemon(true);
    err.start();
  }

  /** The driver as a child process on this test's class path. */
  static DriverProcess start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), DriverMain.class.getName()));
    command.addAll(List.of(args));
    return new DriverProcess(new ProcessBuilder(command).start());
  }

  /** The driver in this JVM, as {@code check client} runs the embedded client. */
  static DriverProcess inProcess(String... args) {
    return new DriverProcess(InProcessDriver.start(List.of(args)));
  }

  /** Writes a command, giving it a fresh cid unless it has one; returns the cid. */
  String send(String json) throws IOException {
    String line = json.contains("\"cid\"") ? json : json.replaceFirst("\\{", "{\"cid\": \"k" + ++cids + "\", ");
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    return JSON.readTree(line).path("cid").asText();
  }

  /** The next event that {@code matches}, skipping others; fails after {@code timeoutMs}. */
  JsonNode next(String what, Predicate<JsonNode> matches, long timeoutMs) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    List<JsonNode> skipped = new ArrayList<>();
    while (true) {
      long left = end - System.nanoTime();
      JsonNode e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("expected " + what + " within " + timeoutMs + " ms, saw " + skipped
            + "\nstderr:\n" + stderr);
      }
      if (matches.test(e)) {
        return e;
      }
      skipped.add(e);
    }
  }

  /** The result event (done or error) of {@code cid}. */
  JsonNode result(String cid) throws InterruptedException {
    return next("done or error for " + cid, e -> cid.equals(e.path("cid").asText())
        && (e.path("type").asText().equals("done") || e.path("type").asText().equals("error")), 1_000);
  }

  /** Fails if an event that {@code matches} arrives within {@code ms}. */
  void expectNone(String what, Predicate<JsonNode> matches, long ms) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      JsonNode e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e != null && matches.test(e)) {
        throw new AssertionError("expected no " + what + " for " + ms + " ms, saw " + e);
      }
    }
  }

  /** Closes the driver's standard input, as a kit that is done does. */
  void endInput() throws IOException {
    stdin.close();
  }

  /** The features a ready event lists. */
  List<String> supports(JsonNode ready) {
    List<String> features = new ArrayList<>();
    ready.path("supports").forEach(f -> features.add(f.asText()));
    return features;
  }

  boolean exitsWithin(long ms) throws InterruptedException {
    return process.waitFor(ms, TimeUnit.MILLISECONDS);
  }

  int exitCode() {
    return process.exitValue();
  }

  static Predicate<JsonNode> type(String type) {
    return e -> e.path("type").asText().equals(type);
  }

  static Predicate<JsonNode> state(String state) {
    return e -> e.path("type").asText().equals("state") && e.path("state").asText().equals(state);
  }

  private void readEvents() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        JsonNode event;
        try {
          event = JSON.readTree(line);
        } catch (IOException e) {
          schemaErrors.add("stdout line " + n + " is not JSON: " + line);
          continue;
        }
        var errors = MessageCatalog.schema("driver/event.json").validate(event);
        if (!errors.isEmpty()) {
          schemaErrors.add("stdout line " + n + " breaks event.json: " + errors + ": " + line);
        }
        events.add(event);
      }
    } catch (IOException e) {
      if (!closing) {
        schemaErrors.add("cannot read the driver's stdout: " + e);
      }
    }
  }

  private void drain(Process p) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        stderr.append(line).append('\n');
      }
    } catch (IOException e) {
      stderr.append("cannot read stderr: ").append(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    process.destroy();
    process.waitFor(5, TimeUnit.SECONDS);
    if (!schemaErrors.isEmpty()) {
      throw new AssertionError("the driver wrote lines that break the contract:\n" + String.join("\n", schemaErrors));
    }
  }
}
