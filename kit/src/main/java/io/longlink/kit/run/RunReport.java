package io.longlink.kit.run;

import io.longlink.kit.settings.KitSettings;
import io.longlink.rules.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a conformance run: a verdict for every rule of PROTOCOL.md, in document order.
 *
 * @param settings what the run checked, and how
 * @param selection which rules it checked
 * @param parallelism how many scenarios ran at once
 * @param started when it started
 * @param duration how long it took
 * @param verdicts one per rule of the spec, in document order
 * @param errors what went wrong outside any scenario (a feature that does not parse, an engine
 *     failure); a run with errors proves nothing, so it cannot pass
 * @param driverErrors for client checks: how the driver broke its contract (DRIVER.md §7); such a
 *     run judged nothing after the error, and exits with {@link #EXIT_DRIVER_ERROR}
 */
public record RunReport(
    KitSettings settings,
    RuleSelection selection,
    int parallelism,
    Instant started,
    Duration duration,
    List<RuleVerdict> verdicts,
    List<String> errors,
    List<String> driverErrors) {

  /** Exit code of a run in which no selected rule failed. */
  public static final int EXIT_PASSED = 0;
  /** Exit code of a run in which a selected rule failed, or the run itself broke. */
  public static final int EXIT_FAILED = 1;
  /** Exit code of a client check whose driver broke its contract: no rule failed, nothing more was judged. */
  public static final int EXIT_DRIVER_ERROR = 2;

  public RunReport {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(selection, "selection");
    verdicts = List.copyOf(verdicts);
    errors = List.copyOf(errors);
    driverErrors = List.copyOf(driverErrors);
  }

  /** A report without driver errors: every server check, and client checks whose driver kept the contract. */
  public RunReport(KitSettings settings, RuleSelection selection, int parallelism, Instant started, Duration duration,
      List<RuleVerdict> verdicts, List<String> errors) {
    this(settings, selection, parallelism, started, duration, verdicts, errors, List.of());
  }

  /**
   * 0 when no selected rule failed (skipped rules do not fail a run; reports show them loudly), 1
   * when one did or the run had errors, 2 when the client's driver broke its contract (then the
   * run proves nothing about the client). SHOULD rules are selected only with {@code --strict}, and
   * then a failed one fails the run, as in h2spec's strict mode: the exit code and the JUnit report
   * always agree.
   */
  public int exitCode() {
    if (!driverErrors.isEmpty()) {
      return EXIT_DRIVER_ERROR;
    }
    return failed().isEmpty() && errors.isEmpty() ? EXIT_PASSED : EXIT_FAILED;
  }

  /** The selected rules that failed, MUST and (with {@code --strict}) SHOULD. */
  public List<RuleVerdict> failed() {
    return withStatus(RuleStatus.FAILED);
  }

  /** The MUST rules that failed. */
  public List<RuleVerdict> failedMust() {
    return verdicts.stream().filter(v -> v.status() == RuleStatus.FAILED && v.rule().level() == Level.MUST).toList();
  }

  /** The verdicts with this status. */
  public List<RuleVerdict> withStatus(RuleStatus status) {
    return verdicts.stream().filter(v -> v.status() == status).toList();
  }

  /** The verdicts of the rules of the checked side. */
  public List<RuleVerdict> ofCheckedSide() {
    return verdicts.stream().filter(v -> v.rule().side() == selection.side()).toList();
  }

  /** The verdict of one rule. */
  public Optional<RuleVerdict> verdict(String ruleId) {
    return verdicts.stream().filter(v -> v.rule().id().equals(ruleId)).findFirst();
  }

  /** How much of the checked side the run checked. */
  public Coverage coverage() {
    return Coverage.of(ofCheckedSide());
  }

  /** The target, without any user info the URL may carry. */
  public String target() {
    var uri = settings.target();
    if ("driver".equals(uri.getScheme())) {
      return "driver " + uri.getSchemeSpecificPart();
    }
    return withoutUserInfo(uri);
  }

  /** Every node of the target (the target first), without user info; one entry for a server of one URL. */
  public List<String> nodes() {
    if ("driver".equals(settings.target().getScheme())) {
      return List.of(target());
    }
    return settings.nodes().stream().map(RunReport::withoutUserInfo).toList();
  }

  private static String withoutUserInfo(URI uri) {
    return uri.getUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
  }

  /** When it ended. */
  public Instant finished() {
    return started.plus(duration);
  }
}
