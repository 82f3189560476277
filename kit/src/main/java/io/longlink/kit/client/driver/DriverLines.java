package io.longlink.kit.client.driver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.DriverError;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.SchemaViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The driver's standard output, line by line: each line is stamped on arrival, numbered from 1
 * and checked against {@code driver/event.json}; the first line that breaks the contract becomes
 * the driver error every later wait throws.
 */
final class DriverLines {

  /** One event line. */
  record Line(int number, long nanos, JsonNode event) {
    String type() {
      return event.path("type").asText();
    }
  }

  private static final String SCHEMA = "driver/event.json";
  private static final ObjectMapper MAPPER = MessageCodec.newMapper();

  private volatile String scenario;
  private final List<Line> lines = new ArrayList<>();
  private String error;
  private boolean ended;
  private boolean shuttingDown;
  private int cursor;
  private final Set<String> sent = new HashSet<>();
  private final Set<String> answered = new HashSet<>();

  DriverLines(String scenario) {
    this.scenario = scenario;
  }

  /** Names the scenario in later errors: a driver started ahead of time learns its scenario when taken. */
  void scenario(String name) {
    this.scenario = name;
  }

  /** Reads until the end of the stream; runs on a thread of its own. */
  void readAll(BufferedReader out) {
    int number = 0;
    try {
      for (String text = out.readLine(); text != null; text = out.readLine()) {
        number++;
        accept(number, System.nanoTime(), text);
      }
    } catch (IOException e) {
      // The stream broke: the same as its end.
    }
    synchronized (this) {
      ended = true;
      if (!shuttingDown) {
        fail("the driver's standard output ended (the process exited?) before the kit sent shutdown");
      }
      notifyAll();
    }
  }

  private synchronized void accept(int number, long nanos, String text) {
    JsonNode event;
    try {
      event = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      fail("stdout line " + number + " of scenario \"" + scenario + "\": not JSON: " + e.getOriginalMessage());
      return;
    }
    if (event == null || !event.isObject()) {
      fail("stdout line " + number + " of scenario \"" + scenario + "\": not a JSON object: " + text);
      return;
    }
    List<SchemaViolation> violations = MessageCatalog.violations(SCHEMA, event);
    if (!violations.isEmpty()) {
      fail("stdout line " + number + " of scenario \"" + scenario + "\": " + violations.get(0));
      return;
    }
    if ("ready".equals(event.path("type").asText()) && !lines.isEmpty()) {
      fail("stdout line " + number + " of scenario \"" + scenario + "\": a second ready");
      return;
    }
    String type = event.path("type").asText();
    if (type.equals("done") || type.equals("error")) {
      String cid = event.path("cid").asText(null);
      if (cid != null && !sent.contains(cid)) {
        fail("stdout line " + number + " of scenario \"" + scenario + "\": " + type + " for cid " + cid
            + ", which names no command the kit sent");
        return;
      }
      if (cid != null && type.equals("done") && !answered.add(cid)) {
        fail("stdout line " + number + " of scenario \"" + scenario + "\": a second result for command " + cid);
        return;
      }
      if (cid != null) {
        answered.add(cid);
      }
    }
    lines.add(new Line(number, nanos, event));
    notifyAll();
  }

  /** A command is about to be written: its result is expected. */
  synchronized void sent(String cid) {
    sent.add(cid);
  }

  /** The result ({@code done} or {@code error}) of a command, wherever it is; the cursor does not move. */
  synchronized Line result(String cid, String command, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      throwIfBroken();
      for (Line line : lines) {
        if (cid.equals(line.event().path("cid").asText(null)) && (line.type().equals("done") || line.type().equals("error"))) {
          return line;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || ended) {
        fail("command " + cid + " (" + command + ") got no done or error within " + timeout.toMillis() + " ms");
        throwIfBroken();
      }
      waitMillis(Math.max(1, left / 1_000_000));
    }
  }

  synchronized void fail(String message) {
    if (error == null) {
      error = message.startsWith("driver error: ") ? message : "driver error: " + message;
    }
    notifyAll();
  }

  synchronized void shuttingDown() {
    shuttingDown = true;
  }

  /** The driver error, if the driver broke its contract. */
  synchronized Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** The next line after the cursor that matches; the cursor moves past it. */
  synchronized Line next(String what, Predicate<Line> match, Duration timeout, boolean driverFault) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      throwIfBroken();
      for (int i = cursor; i < lines.size(); i++) {
        if (match.test(lines.get(i))) {
          cursor = i + 1;
          return lines.get(i);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || ended) {
        String expected = what + " within " + timeout.toMillis() + " ms";
        if (driverFault) {
          fail("scenario \"" + scenario + "\": " + expected + " but got none");
          throwIfBroken();
        }
        throw new CheckFailure(expected + " from the driver", lastLines());
      }
      waitMillis(Math.max(1, left / 1_000_000));
    }
  }

  /** Whether a line that matches arrives within the window, without moving the cursor. */
  synchronized Optional<Line> within(Predicate<Line> match, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    int from = cursor;
    while (true) {
      throwIfBroken();
      for (int i = from; i < lines.size(); i++) {
        if (match.test(lines.get(i))) {
          return Optional.of(lines.get(i));
        }
      }
      from = lines.size();
      long left = deadline - System.nanoTime();
      if (left <= 0 || ended) {
        return Optional.empty();
      }
      waitMillis(Math.max(1, left / 1_000_000));
    }
  }

  /** Every line so far. */
  synchronized List<Line> all() {
    return List.copyOf(lines);
  }

  synchronized void throwIfBroken() {
    if (error != null) {
      throw new DriverError(error);
    }
  }

  private String lastLines() {
    if (lines.size() <= cursor) {
      return "no further event line";
    }
    List<String> shown = new ArrayList<>();
    for (int i = Math.max(cursor, lines.size() - 6); i < lines.size(); i++) {
      shown.add("line " + lines.get(i).number() + " " + lines.get(i).event());
    }
    return String.join("; ", shown);
  }

  private void waitMillis(long ms) {
    try {
      wait(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the driver", e);
    }
  }
}
