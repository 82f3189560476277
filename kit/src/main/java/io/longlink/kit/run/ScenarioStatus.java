package io.longlink.kit.run;

/** How one scenario ended. */
public enum ScenarioStatus {
  /** Every step passed. */
  PASSED,
  /** A step threw a CheckFailure or any other error. */
  FAILED,
  /** A step threw NotApplicable: the scenario cannot check its rule against this target. */
  SKIPPED
}
