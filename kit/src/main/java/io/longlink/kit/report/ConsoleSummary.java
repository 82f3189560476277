package io.longlink.kit.report;

import io.longlink.kit.run.Coverage;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.rules.Level;
import io.longlink.rules.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end of a run on the console: every checked rule by section, the coverage line, the skipped
 * rules (loudly: they are not verified), run errors and the result with its exit code.
 */
public final class ConsoleSummary {

  private static final int WIDTH = 100;

  private ConsoleSummary() {}

  public static void print(RunReport report, PrintWriter out) {
    String side = report.selection().side().name().toLowerCase(Locale.ROOT);
    out.println();
    out.println("Summary of the selected rules, by section (" + report.selection().describe() + ")");
    for (Map.Entry<String, List<RuleVerdict>> section : bySection(report).entrySet()) {
      out.println("  " + section.getKey());
      for (RuleVerdict v : section.getValue()) {
        out.println(String.format("    %-12s %-11s %-7s %s", VerdictText.label(v), v.rule().id(),
            v.rule().level(), v.rule().title()));
      }
    }
    out.println();
    out.println("Rules: " + counts(report));
    Coverage coverage = report.coverage();
    out.println("Coverage: " + coverage.headline(side) + ".");
    List<Rule> inPart = Coverage.passedInPart(report.ofCheckedSide());
    if (!inPart.isEmpty()) {
      wrap(out, "  passed in part (PROTOCOL.md §22 says what a reviewer checks of each): ",
          inPart.stream().map(Rule::id).collect(Collectors.joining(", ")));
    }
    if (!coverage.unchecked(RuleStatus.SKIPPED).isEmpty()) {
      wrap(out, "  " + RuleStatus.SKIPPED.label() + ": ", coverage.ids(RuleStatus.SKIPPED));
    }
    if (!coverage.lackingAScenario().isEmpty()) {
      wrap(out, "  " + RuleStatus.NOT_COVERED.label() + ": ", Coverage.ids(coverage.lackingAScenario()));
    }
    if (!coverage.leftToAReviewer().isEmpty()) {
      wrap(out, "  no wire check can judge (PROTOCOL.md §22 says why): ", Coverage.ids(coverage.leftToAReviewer()));
    }
    if (!coverage.unchecked(RuleStatus.NOT_SELECTED).isEmpty()) {
      wrap(out, "  " + RuleStatus.NOT_SELECTED.label() + ": ", coverage.ids(RuleStatus.NOT_SELECTED));
    }
    List<RuleVerdict> skipped = report.withStatus(RuleStatus.SKIPPED);
    if (!skipped.isEmpty()) {
      out.println();
      out.println("SKIPPED: " + skipped.size() + " rule" + (skipped.size() == 1 ? " was" : "s were")
          + " NOT verified against this target:");
      skipped.forEach(v -> out.println("  " + v.rule().id() + "  " + v.rule().title() + ": "
          + Markup.terminal(v.skipReason().orElse("no reason given"))));
    }
    if (!report.driverErrors().isEmpty()) {
      out.println();
      out.println("DRIVER ERROR: the driver broke its contract (DRIVER.md §7); no rule failed for it, and the run stopped:");
      report.driverErrors().forEach(e -> out.println("  " + Markup.terminal(e)));
    }
    if (!report.errors().isEmpty()) {
      out.println();
      out.println("ERRORS: the run itself went wrong, so it proves nothing:");
      report.errors().forEach(e -> e.lines().forEach(line -> out.println("  " + Markup.terminal(line))));
    }
    out.println();
    out.println(result(report));
    out.flush();
  }

  private static Map<String, List<RuleVerdict>> bySection(RunReport report) {
    Map<String, List<RuleVerdict>> sections = new LinkedHashMap<>();
    for (RuleVerdict v : report.ofCheckedSide()) {
      if (report.selection().includes(v.rule().id())) {
        sections.computeIfAbsent(v.rule().section(), k -> new ArrayList<>()).add(v);
      }
    }
    return sections;
  }

  private static String levels(long must, long should) {
    List<String> parts = new java.util.ArrayList<>();
    if (must > 0) {
      parts.add(must + " MUST rule" + (must == 1 ? "" : "s"));
    }
    if (should > 0) {
      parts.add(should + " SHOULD rule" + (should == 1 ? "" : "s") + " (--strict)");
    }
    return String.join(" and ", parts);
  }

  private static String counts(RunReport report) {
    return List.of(RuleStatus.values()).stream()
        .map(s -> report.ofCheckedSide().stream().filter(v -> v.status() == s).count() + " " + s.label())
        .collect(Collectors.joining(", "));
  }

  static String result(RunReport report) {
    List<RuleVerdict> failed = report.failed();
    StringBuilder text = new StringBuilder("Result: ");
    if (report.exitCode() == RunReport.EXIT_PASSED) {
      text.append("PASSED (exit 0): no selected ").append(report.selection().strict() ? "MUST or SHOULD" : "MUST")
          .append(" rule failed");
    } else if (failed.isEmpty()) {
      text.append("FAILED (exit 1): the run had errors");
    } else {
      long must = failed.stream().filter(v -> v.rule().level() == Level.MUST).count();
      text.append("FAILED (exit 1): ").append(levels(must, failed.size() - must)).append(" failed: ").append(ids(failed));
    }
    int skipped = report.withStatus(RuleStatus.SKIPPED).size();
    if (skipped > 0) {
      text.append("; ").append(skipped).append(" rule").append(skipped == 1 ? "" : "s").append(" SKIPPED");
    }
    List<RuleVerdict> uncovered = report.withStatus(RuleStatus.NOT_COVERED).stream()
        .filter(v -> report.selection().includes(v.rule().id())).toList();
    long gaps = uncovered.stream().filter(v -> v.rule().whyNotJudgeable().isEmpty()).count();
    long reviewed = uncovered.size() - gaps;
    if (gaps > 0) {
      text.append("; ").append(gaps).append(" selected rule").append(gaps == 1 ? " has" : "s have")
          .append(" no scenario (NOT COVERED)");
    }
    if (reviewed > 0) {
      text.append("; ").append(reviewed).append(" selected rule").append(reviewed == 1 ? " is" : "s are")
          .append(" left to a reviewer (PROTOCOL.md §22)");
    }
    return text.toString();
  }

  private static String ids(List<RuleVerdict> verdicts) {
    return verdicts.stream().map(RuleVerdict::rule).map(Rule::id).collect(Collectors.joining(", "));
  }

  private static void wrap(PrintWriter out, String prefix, String commaList) {
    StringBuilder line = new StringBuilder(prefix);
    String indent = " ".repeat(prefix.length());
    for (String id : commaList.split(", ")) {
      if (line.length() + id.length() + 2 > WIDTH && line.length() > prefix.length()) {
        out.println(line.toString().stripTrailing());
        line = new StringBuilder(indent);
      }
      line.append(id).append(", ");
    }
    out.println(line.substring(0, line.length() - 2));
  }
}
