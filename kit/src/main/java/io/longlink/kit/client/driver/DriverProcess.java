package io.longlink.kit.client.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.kit.DriverError;
import io.longlink.kit.client.driver.DriverLines.Line;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One driver process of DRIVER.md: started fresh for a scenario, spoken to in JSON lines, and
 * killed when the scenario ends. Every wait has a deadline; a driver that breaks the contract
 * throws {@link DriverError}, which stops the run.
 */
public final class DriverProcess implements AutoCloseable {

  /** DRIVER.md §2: {@code ready} within 10 s of the start. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  /** DRIVER.md §3: a result within 1000 ms of the command. */
  public static final Duration RESULT_TIMEOUT = Duration.ofMillis(1000);
  /** A killed process is gone in milliseconds; this only bounds the wait for it. */
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  private static final AtomicInteger CIDS = new AtomicInteger();

  private final Process process;
  private final DriverLines lines;
  private final StderrTail stderr;
  private final Duration slack;
  private final Set<String> supports = new HashSet<>();

  private DriverProcess(Process process, DriverLines lines, StderrTail stderr, Duration slack) {
    this.process = process;
    this.lines = lines;
    this.stderr = stderr;
    this.slack = slack;
  }

  /** Starts the driver and waits for its {@code ready}. */
  public static DriverProcess start(DriverLauncher launcher, String scenario, Duration slack) {
    DriverProcess driver = spawn(launcher, scenario, slack);
    driver.awaitReady(scenario);
    return driver;
  }

  /** Starts the driver's process and reads its output from now on, without waiting for {@code ready}. */
  static DriverProcess spawn(DriverLauncher launcher, String scenario, Duration slack) {
    Process process;
    try {
      process = launcher.launch();
    } catch (IOException | RuntimeException e) {
      throw new DriverError("driver error: cannot start the driver `" + launcher.describe() + "`: " + e.getMessage()
          + "; give a command that starts it, e.g. --driver \"node driver.js\"");
    }
    DriverLines lines = new DriverLines(scenario);
    StderrTail stderr = StderrTail.follow(process.getErrorStream());
    Thread reader = new Thread(() -> lines.readAll(new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))), "driver-stdout");
    reader.setDaemon(true);
    reader.start();
    return new DriverProcess(process, lines, stderr, slack);
  }

  /**
   * Waits for the {@code ready} line, {@link #READY_TIMEOUT} from now: for a driver started ahead
   * of its scenario, from when the scenario needs it, so that the kit's choice to start it early
   * on a busy machine never counts against it.
   */
  void awaitReady(String scenario) {
    lines.scenario(scenario);
    try {
      Line ready = lines.next("a ready line", l -> true, READY_TIMEOUT, true);
      if (!ready.type().equals("ready")) {
        throw new DriverError("driver error: stdout line " + ready.number() + " of scenario \"" + scenario
            + "\": the first line is " + ready.type() + ", not ready");
      }
      ready.event().path("supports").forEach(f -> supports.add(f.asText()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Whether the driver has this feature of DRIVER.md §3. */
  public boolean supports(String feature) {
    return supports.contains(feature);
  }

  /** A command of this type, to fill in and pass to {@link #command}. */
  public static ObjectNode newCommand(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }

  /** Writes a command with a fresh cid and returns its result, {@code done} or {@code error}. */
  public JsonNode command(ObjectNode command) {
    String cid = "k" + CIDS.incrementAndGet();
    command.put("cid", cid);
    lines.sent(cid);
    try {
      OutputStream in = process.getOutputStream();
      in.write((command.toString() + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      lines.fail("command " + cid + " (" + command.path("type").asText() + ") could not be written: the driver's "
          + "standard input is closed (" + e.getMessage() + ")");
    }
    return lines.result(cid, command.path("type").asText(), RESULT_TIMEOUT.plus(slack)).event();
  }

  /** The next event of this type after the cursor that matches; fails the check when none comes in time. */
  public JsonNode next(String type, Predicate<JsonNode> match, Duration timeout) {
    return lines.next("a " + type + " event", l -> l.type().equals(type) && match.test(l.event()), timeout, false).event();
  }

  /** An event of this type that matches within the window, if one comes; the cursor does not move. */
  public Optional<JsonNode> within(String type, Predicate<JsonNode> match, Duration window) {
    return lines.within(l -> l.type().equals(type) && match.test(l.event()), window).map(Line::event);
  }

  /** Every event line so far, with the kit's arrival stamps. */
  public List<JsonNode> events() {
    return lines.all().stream().map(Line::event).toList();
  }

  /** Throws the driver error, if the driver broke its contract meanwhile. */
  public void checkContract() {
    lines.throwIfBroken();
  }

  /** The tail of the driver's standard error, for the report. */
  public String stderr() {
    return stderr.text();
  }

  /**
   * Kills the driver (DRIVER.md §2: the kit kills every driver when a scenario ends): at once,
   * since a polite terminate costs a JVM driver a third of a second of shutdown per scenario and
   * nothing of the scenario is left to see.
   */
  @Override
  public void close() {
    lines.shuttingDown();
    process.destroyForcibly();
    try {
      process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
