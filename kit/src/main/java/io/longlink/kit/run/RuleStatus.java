package io.longlink.kit.run;

import java.util.Locale;

/** What a run found out about one rule. */
public enum RuleStatus {
  /** Every scenario of the rule that ran passed. */
  PASSED,
  /** At least one scenario of the rule failed. */
  FAILED,
  /** Every scenario of the rule was skipped: it could not be checked against this target. */
  SKIPPED,
  /** No scenario of the kit checks this rule of the checked side. */
  NOT_COVERED,
  /** The selection ({@code --rules}, {@code --tags}, {@code --strict}, the side) left the rule out. */
  NOT_SELECTED;

  /** The name reports use: {@code passed}, {@code not-covered}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the run established something about the rule: it passed or failed. */
  public boolean checked() {
    return this == PASSED || this == FAILED;
  }
}
