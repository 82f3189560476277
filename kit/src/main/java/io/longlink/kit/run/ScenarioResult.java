package io.longlink.kit.run;

import io.longlink.kit.settings.Redactor;
import io.longlink.kit.wire.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one scenario ended.
 *
 * @param scenario which scenario
 * @param status passed, failed or skipped
 * @param started when it started (for scenarios that never started: when the run learnt so)
 * @param duration how long it ran
 * @param failure why it failed; null unless FAILED
 * @param skipReason why it could not check its rule; null unless SKIPPED
 * @param transcript what its connections sent and received; kept for failed scenarios only (the
 *     reports show no other), else null
 */
public record ScenarioResult(ScenarioRef scenario, ScenarioStatus status, Instant started, Duration duration,
    Failure failure, String skipReason, Transcript transcript) {

  public ScenarioResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(duration, "duration");
    if ((status == ScenarioStatus.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("a failure goes with status FAILED and only with it, not " + status);
    }
    if ((status == ScenarioStatus.SKIPPED) != (skipReason != null)) {
      throw new IllegalArgumentException("a skip reason goes with status SKIPPED and only with it, not " + status);
    }
  }

  /** A result without a transcript. */
  public ScenarioResult(ScenarioRef scenario, ScenarioStatus status, Instant started, Duration duration, Failure failure,
      String skipReason) {
    this(scenario, status, started, duration, failure, skipReason, null);
  }

  /** This result with the wire transcript of its scenario. */
  public ScenarioResult withTranscript(Transcript transcript) {
    return new ScenarioResult(scenario, status, started, duration, failure, skipReason, transcript);
  }

  /** The wire transcript, when the scenario failed and recorded one. */
  public Optional<Transcript> transcriptIfAny() {
    return Optional.ofNullable(transcript);
  }

  public static ScenarioResult passed(ScenarioRef scenario, Instant started, Duration duration) {
    return new ScenarioResult(scenario, ScenarioStatus.PASSED, started, duration, null, null);
  }

  public static ScenarioResult failed(ScenarioRef scenario, Instant started, Duration duration, Failure failure) {
    return new ScenarioResult(scenario, ScenarioStatus.FAILED, started, duration, failure, null);
  }

  public static ScenarioResult skipped(ScenarioRef scenario, Instant started, Duration duration, String reason) {
    return new ScenarioResult(scenario, ScenarioStatus.SKIPPED, started, duration, null, reason);
  }

  /** This result with every secret removed from what it says. */
  public ScenarioResult redacted(Redactor redactor) {
    return new ScenarioResult(scenario, status, started, duration, failure == null ? null : failure.redacted(redactor),
        redactor.redact(skipReason), transcript == null ? null : transcript.redacted(redactor));
  }

  /** The scenario's name. */
  public String name() {
    return scenario.name();
  }

  /** The scenario's feature file and line. */
  public ScenarioLocation location() {
    return scenario.location();
  }

  /** Why it failed, when it did. */
  public Optional<Failure> failureIfAny() {
    return Optional.ofNullable(failure);
  }

  /** When it ended. */
  public Instant finished() {
    return started.plus(duration);
  }
}
