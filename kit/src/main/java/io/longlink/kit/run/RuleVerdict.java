package io.longlink.kit.run;

import io.longlink.rules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run found out about one rule, and from which scenarios.
 *
 * @param rule the rule
 * @param status its status
 * @param scenarios the results of the scenarios that check it, in feature/line order; empty for
 *     rules that were not covered or not selected
 */
public record RuleVerdict(Rule rule, RuleStatus status, List<ScenarioResult> scenarios) {

  private static final Comparator<ScenarioResult> BY_LOCATION =
      Comparator.comparing(ScenarioResult::location).thenComparing(ScenarioResult::name);

  public RuleVerdict {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    scenarios = scenarios.stream().sorted(BY_LOCATION).toList();
  }

  /**
   * The verdict the scenarios of a rule give: FAILED when any failed, PASSED when the others all
   * passed or were skipped and at least one passed, SKIPPED when all were skipped.
   *
   * @throws IllegalArgumentException when there are no results: such a rule was not covered or not selected
   */
  public static RuleVerdict of(Rule rule, List<ScenarioResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException(rule.id() + " has no scenario results; it is not covered or not selected");
    }
    RuleStatus status;
    if (results.stream().anyMatch(r -> r.status() == ScenarioStatus.FAILED)) {
      status = RuleStatus.FAILED;
    } else if (results.stream().anyMatch(r -> r.status() == ScenarioStatus.PASSED)) {
      status = RuleStatus.PASSED;
    } else {
      status = RuleStatus.SKIPPED;
    }
    return new RuleVerdict(rule, status, results);
  }

  /** A verdict without scenarios: NOT_COVERED or NOT_SELECTED. */
  public static RuleVerdict withoutScenarios(Rule rule, RuleStatus status) {
    if (status != RuleStatus.NOT_COVERED && status != RuleStatus.NOT_SELECTED) {
      throw new IllegalArgumentException(status + " needs scenario results");
    }
    return new RuleVerdict(rule, status, List.of());
  }

  /** Passed, on the part of the rule a wire check can judge: the rest is left to a reviewer (PROTOCOL.md §22). */
  public boolean passedInPart() {
    return status == RuleStatus.PASSED && rule.checkedInPart().isPresent();
  }

  /** The failing scenario to show first: the earliest in feature/line order. */
  public Optional<ScenarioResult> firstFailure() {
    return scenarios.stream().filter(s -> s.status() == ScenarioStatus.FAILED).findFirst();
  }

  /** Why the rule could not be checked: the reason of its first skipped scenario. */
  public Optional<String> skipReason() {
    return scenarios.stream().filter(s -> s.status() == ScenarioStatus.SKIPPED).findFirst().map(ScenarioResult::skipReason);
  }

  /** How many of its scenarios ended with this status. */
  public long count(ScenarioStatus scenarioStatus) {
    return scenarios.stream().filter(s -> s.status() == scenarioStatus).count();
  }

  /** Wall-clock time from the start of its first scenario to the end of its last one. */
  public Duration span() {
    Optional<Instant> start = scenarios.stream().map(ScenarioResult::started).min(Comparator.naturalOrder());
    Optional<Instant> end = scenarios.stream().map(ScenarioResult::finished).max(Comparator.naturalOrder());
    return start.isPresent() ? Duration.between(start.get(), end.get()) : Duration.ZERO;
  }
}
