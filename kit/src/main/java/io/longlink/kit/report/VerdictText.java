package io.longlink.kit.report;

import io.longlink.kit.run.Failure;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.ScenarioStatus;
import java.util.ArrayList;
import java.util.List;

/** The plain-text lines of a rule's verdict, shared by the live progress and the summary. */
final class VerdictText {

  private static final String DETAIL = "          ";

  private VerdictText() {}

  /** PASS, FAIL, SKIP, NOT COVERED, NOT SELECTED. */
  static String label(RuleStatus status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case SKIPPED -> "SKIP";
      case NOT_COVERED -> "NOT COVERED";
      case NOT_SELECTED -> "NOT SELECTED";
    };
  }

  /** The label of a verdict: as {@link #label(RuleStatus)}, and PASS IN PART for a rule the kit checks only in part. */
  static String label(RuleVerdict verdict) {
    return verdict.passedInPart() ? "PASS IN PART" : label(verdict.status());
  }

  /** {@code   PASS  LL-HB-3     Close silent clients: 4000   (1.6 s)}. */
  static String headline(RuleVerdict verdict) {
    String line = String.format("  %-4s  %-11s %s", label(verdict.status()), verdict.rule().id(), verdict.rule().title());
    if (verdict.scenarios().isEmpty()) {
      return line;
    }
    return line + "   (" + Durations.human(verdict.span()) + counts(verdict)
        + (verdict.passedInPart() ? "; checked in part" : "") + ")";
  }

  /** What went wrong, indented under the headline: the rule's text, expected, saw, timing, where; or why it was skipped. */
  static List<String> details(RuleVerdict verdict) {
    List<String> lines = new ArrayList<>();
    verdict.firstFailure().ifPresent(first -> {
      Failure failure = first.failure();
      lines.add(DETAIL + "rule      " + Markup.terminal(verdict.rule().text()));
      if (failure.isCheckFailure()) {
        lines.add(DETAIL + "expected  " + Markup.terminal(failure.expected()));
        lines.add(DETAIL + "saw       " + Markup.terminal(failure.actual()));
        failure.timingIfAny().ifPresent(t -> lines.add(DETAIL + "timing    " + Markup.terminal(t.toString())));
      } else {
        // The first line names the error; the rest (snippets, causes) is in the reports.
        lines.add(DETAIL + "error     " + Markup.terminal(failure.message().lines().findFirst().orElse("")));
      }
      lines.add(DETAIL + "scenario  " + Markup.terminal(first.scenario().toString()));
      long more = verdict.count(ScenarioStatus.FAILED) - 1;
      if (more > 0) {
        lines.add(DETAIL + "and " + more + " more failed scenario" + (more == 1 ? "" : "s") + " (see the reports)");
      }
    });
    if (verdict.status() == RuleStatus.SKIPPED) {
      verdict.skipReason().ifPresent(reason -> lines.add(DETAIL + "skipped   " + Markup.terminal(reason)));
    }
    return lines;
  }

  private static String counts(RuleVerdict verdict) {
    long skipped = verdict.count(ScenarioStatus.SKIPPED);
    if (verdict.status() == RuleStatus.SKIPPED || skipped == 0) {
      return "";
    }
    return ", " + skipped + " of " + verdict.scenarios().size() + " scenarios skipped";
  }
}
