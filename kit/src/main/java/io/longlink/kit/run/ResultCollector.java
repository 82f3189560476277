package io.longlink.kit.run;

import io.longlink.kit.DriverError;
import io.longlink.kit.NotApplicable;
import io.longlink.kit.StandingRuleBreach;
import io.longlink.kit.settings.Redactor;
import io.longlink.kit.wire.Transcript;
import io.longlink.kit.wire.TranscriptRecorder;
import io.longlink.rules.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit Platform's events into scenario results per selected rule, and tells a
 * {@link RuleListener} about each rule as soon as its last scenario finished. Scenarios finish on
 * many threads at once; the bookkeeping is synchronised, the start times are not (they are
 * written once per scenario).
 */
final class ResultCollector implements TestExecutionListener {

  private record Start(Instant at, long nanos) {}

  private final Map<String, Rule> selected;
  private final Set<String> standing;
  private final int parallelism;
  private final RuleListener listener;
  private final Redactor redactor;

  private final Map<UniqueId, Start> starts = new ConcurrentHashMap<>();
  private final Map<String, Integer> unfinished = new HashMap<>();
  private final Map<String, List<ScenarioResult>> results = new HashMap<>();
  private final Map<String, RuleVerdict> verdicts = new HashMap<>();
  private final Set<UniqueId> recorded = new HashSet<>();
  private final Map<UniqueId, String> containerOutcomes = new HashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> driverErrors = new ArrayList<>();
  private TestPlan plan;
  private boolean abandoned;

  ResultCollector(List<Rule> selected, Set<String> standing, int parallelism, RuleListener listener, Redactor redactor) {
    this.selected = new HashMap<>();
    selected.forEach(rule -> this.selected.put(rule.id(), rule));
    this.standing = new HashSet<>(standing);
    this.standing.retainAll(this.selected.keySet());
    this.parallelism = parallelism;
    this.listener = listener;
    this.redactor = redactor;
  }

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan plan) {
    this.plan = plan;
    List<TestIdentifier> tests = TestPlans.tests(plan);
    for (TestIdentifier test : tests) {
      for (String id : judgedRuleIds(ScenarioRef.of(test))) {
        unfinished.merge(id, 1, Integer::sum);
      }
    }
    listener.runStarted(tests.size(), unfinished.size(), parallelism);
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (test.isTest()) {
      starts.put(test.getUniqueIdObject(), new Start(Instant.now(), System.nanoTime()));
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      record(test, ScenarioResult.skipped(ScenarioRef.of(test), Instant.now(), Duration.ZERO, reason), List.of(), true);
    } else {
      containerOutcomes.put(test.getUniqueIdObject(), "skipped: " + redactor.redact(reason));
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        String message = redactor.redact(result.getThrowable().map(Throwable::toString).orElse("failed"));
        containerOutcomes.put(test.getUniqueIdObject(), message);
        errors.add(test.getDisplayName() + ": " + message);
      }
      return;
    }
    Start start = starts.getOrDefault(test.getUniqueIdObject(), new Start(Instant.now(), System.nanoTime()));
    Duration duration = Duration.ofNanos(System.nanoTime() - start.nanos());
    ScenarioRef scenario = ScenarioRef.of(test);
    // Taken whatever the outcome, so that no transcript outlives its scenario on this thread.
    Optional<Transcript> transcript = TranscriptRecorder.take(scenario.location().line());
    Optional<Throwable> thrown = result.getThrowable();
    thrown.flatMap(ResultCollector::driverError).ifPresent(driverErrors::add);
    ScenarioResult scenarioResult = switch (result.getStatus()) {
      case SUCCESSFUL -> ScenarioResult.passed(scenario, start.at(), duration);
      case ABORTED -> ScenarioResult.skipped(scenario, start.at(), duration, thrown.map(ResultCollector::skipReason)
          .orElse("skipped without a reason"));
      case FAILED -> ScenarioResult.failed(scenario, start.at(), duration, thrown.map(Failure::of)
          .orElse(new Failure("failed without an exception", null, null, null, null)))
          .withTranscript(transcript.orElse(null));
    };
    List<String> blamed = thrown.map(this::blamed).orElse(List.of());
    boolean ownHeld = thrown.flatMap(ResultCollector::breach).map(StandingRuleBreach::ownChecksHeld).orElse(true);
    record(test, scenarioResult, blamed, ownHeld);
  }

  /** Scenarios that never started (their feature or the engine failed or was skipped) get the container's outcome. */
  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    for (TestIdentifier test : TestPlans.tests(plan)) {
      if (!recorded.contains(test.getUniqueIdObject())) {
        String outcome = outcomeOfAncestors(plan, test).orElse("the run ended before it started");
        ScenarioRef scenario = ScenarioRef.of(test);
        String message = "did not run: " + outcome;
        record(test, outcome.startsWith("skipped: ")
            ? ScenarioResult.skipped(scenario, Instant.now(), Duration.ZERO, message)
            : ScenarioResult.failed(scenario, Instant.now(), Duration.ZERO, new Failure(message, null, null, null, null)),
            List.of(), true);
      }
    }
  }

  /** The verdicts of the selected rules that had scenarios in the plan. */
  synchronized Map<String, RuleVerdict> verdicts() {
    return Map.copyOf(verdicts);
  }

  /** How the driver of a client check broke its contract, one line each. */
  synchronized List<String> driverErrors() {
    return List.copyOf(driverErrors);
  }

  private static Optional<String> driverError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof DriverError) {
        return Optional.of(t.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * Ends the run before the engine has: every scenario of the plan not finished yet fails, saying
   * {@code why} and whether it had started, so that each selected rule still gets a verdict; what
   * the engine reports later is ignored.
   */
  synchronized void abandon(String why) {
    if (plan != null) {
      for (TestIdentifier test : TestPlans.tests(plan)) {
        if (!recorded.contains(test.getUniqueIdObject())) {
          Start start = starts.get(test.getUniqueIdObject());
          String message = start == null ? "did not run: " + why
              : "did not finish: " + why + "; it had run for " + Duration.ofNanos(System.nanoTime() - start.nanos()).toSeconds()
                  + " s, waiting on a step that its own deadline did not end";
          record(test, ScenarioResult.failed(ScenarioRef.of(test), start == null ? Instant.now() : start.at(),
              Duration.ZERO, new Failure(message, null, null, null, null)), List.of(), true);
        }
      }
    }
    errors.add(why);
    abandoned = true;
  }

  /** Failures outside scenarios: engine, feature or outline containers. */
  synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  /**
   * Files a scenario's result under the rules it judged. A breach of standing rules that are
   * selected fails those rules, and the scenario's own rules pass when their checks held (else
   * they fail too); a breach of standing rules the run did not select fails the scenario's own
   * rules, so that it is not lost. Every standing rule counts the scenario, as the scenario may
   * have breached it.
   */
  private void record(TestIdentifier test, ScenarioResult unredacted, List<String> blamed, boolean ownHeld) {
    if (abandoned || !recorded.add(test.getUniqueIdObject())) {
      return;
    }
    ScenarioResult result = unredacted.redacted(redactor);
    ScenarioResult ownChecks = blamed.isEmpty() || !ownHeld ? result
        : ScenarioResult.passed(result.scenario(), result.started(), result.duration());
    for (String id : judgedRuleIds(result.scenario())) {
      boolean own = result.scenario().ruleIds().contains(id);
      if (blamed.contains(id)) {
        results.computeIfAbsent(id, k -> new ArrayList<>()).add(result);
      } else if (own) {
        results.computeIfAbsent(id, k -> new ArrayList<>()).add(ownChecks);
      }
      if (unfinished.merge(id, -1, Integer::sum) == 0) {
        RuleVerdict verdict = results.containsKey(id) ? RuleVerdict.of(selected.get(id), results.get(id)) : null;
        if (verdict != null) {
          verdicts.put(id, verdict);
          listener.ruleFinished(verdict);
        }
      }
    }
  }

  /** The selected standing rules a failure breached; empty when it breached none of them. */
  private List<String> blamed(Throwable thrown) {
    return breach(thrown).map(b -> b.ruleIds().stream().filter(standing::contains).toList()).orElse(List.of());
  }

  private static Optional<StandingRuleBreach> breach(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof StandingRuleBreach breach) {
        return Optional.of(breach);
      }
    }
    return Optional.empty();
  }

  /** The selected rules a scenario judges: its own, and every standing rule. */
  private List<String> judgedRuleIds(ScenarioRef scenario) {
    List<String> ids = new ArrayList<>(selectedRuleIds(scenario));
    standing.stream().sorted().filter(id -> !ids.contains(id)).forEach(ids::add);
    return ids;
  }

  private List<String> selectedRuleIds(ScenarioRef scenario) {
    return scenario.ruleIds().stream().filter(selected::containsKey).distinct().toList();
  }

  private Optional<String> outcomeOfAncestors(TestPlan plan, TestIdentifier test) {
    for (Optional<TestIdentifier> p = plan.getParent(test); p.isPresent(); p = plan.getParent(p.get())) {
      String outcome = containerOutcomes.get(p.get().getUniqueIdObject());
      if (outcome != null) {
        return Optional.of(outcome);
      }
    }
    return Optional.empty();
  }

  private static String skipReason(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof NotApplicable) {
        return t.getMessage();
      }
    }
    return thrown.getMessage() == null ? thrown.toString() : thrown.getMessage();
  }
}
