package io.longlink.kit.report;

import static io.longlink.kit.report.Markup.html;

import io.longlink.kit.KitVersion;
import io.longlink.kit.run.Coverage;
import io.longlink.kit.run.Failure;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioResult;
import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.Protocol;
import io.longlink.rules.Rule;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (no external CSS, scripts or fonts, so it can be
 * mailed or archived as is). Coverage and the result at the top, then the rules of the checked
 * side by section; a failed rule shows its full text, what was expected, what was seen, the timing
 * and the failing scenario; a skipped rule shows why.
 */
public final class HtmlReport {

  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:75em;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;width:100%}td,th{padding:.3em .5em;text-align:left;vertical-align:top}
      tr.rule td{border-top:1px solid #e4e4e4}tr.not-selected{color:#888}
      .status{font-weight:bold;padding:.1em .4em;border-radius:3px;white-space:nowrap}
      .passed{background:#dff3e0}.failed{background:#fbdcdc}.skipped{background:#fff0c2}
      .not-covered{background:#e8e8e8}.not-selected{background:#f4f4f4}
      .result{font-size:1.2em;font-weight:bold;padding:.6em;border-radius:4px}
      .warning{background:#fff0c2;padding:.6em;border-radius:4px}.error{background:#fbdcdc;padding:.6em;border-radius:4px}
      dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dl.meta dt{font-weight:bold}
      dl.failure{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.4em 0}
      dl.failure dt{font-weight:bold}code,pre{font:13px ui-monospace,monospace}pre{white-space:pre-wrap}
      .text{margin:.2em 0 .4em;font-style:italic}td.id{white-space:nowrap;font-family:ui-monospace,monospace}
      """;

  private HtmlReport() {}

  public static String render(RunReport report) {
    StringBuilder page = new StringBuilder(64 * 1024);
    String side = report.selection().side().name().toLowerCase(Locale.ROOT);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Longlink conformance of ")
        .append(html(report.target())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    page.append("<h1>Longlink conformance report</h1>\n");
    page.append("<p class=\"result ").append(report.exitCode() == RunReport.EXIT_PASSED ? "passed" : "failed").append("\">")
        .append(html(ConsoleSummary.result(report))).append("</p>\n");
    metadata(page, report);
    coverage(page, report, side);
    for (Map.Entry<String, List<RuleVerdict>> section : bySection(report).entrySet()) {
      page.append("<h2>").append(html(section.getKey())).append("</h2>\n<table>\n")
          .append("<tr><th>Rule</th><th>Level</th><th>Title</th><th>Status</th></tr>\n");
      section.getValue().forEach(v -> rule(page, v));
      page.append("</table>\n");
    }
    return page.append("</body>\n</html>\n").toString();
  }

  private static void metadata(StringBuilder page, RunReport report) {
    KitSettings settings = report.settings();
    page.append("<dl class=\"meta\">\n");
    item(page, "Target", report.target());
    if (report.nodes().size() > 1) {
      item(page, "Nodes", String.join(", ", report.nodes()) + " (each scenario's connections spread over them)");
    }
    item(page, "Run", settings.runId() + ", started " + report.started().truncatedTo(ChronoUnit.SECONDS) + ", took "
        + Durations.human(report.duration()));
    item(page, "Selection", report.selection().describe());
    item(page, "Tag expression", report.selection().tagExpression());
    item(page, "Parallelism", Integer.toString(report.parallelism()));
    item(page, "Timing slack", settings.timingSlack().toMillis() + " ms");
    item(page, "Tokens", settings.tokens().describe());
    item(page, "Protocol version", Protocol.VERSION);
    item(page, "Kit version", KitVersion.get());
    page.append("</dl>\n");
  }

  private static void coverage(StringBuilder page, RunReport report, String side) {
    Coverage coverage = report.coverage();
    page.append("<h2>Coverage</h2>\n<p><strong>").append(html(coverage.headline(side))).append(".</strong> ");
    List<String> counts = new ArrayList<>();
    for (RuleStatus status : RuleStatus.values()) {
      long n = report.ofCheckedSide().stream().filter(v -> v.status() == status).count();
      counts.add("<span class=\"status " + status.label() + "\">" + n + " " + status.label() + "</span>");
    }
    page.append(String.join(" ", counts)).append("</p>\n<ul>\n");
    if (!coverage.unchecked(RuleStatus.SKIPPED).isEmpty()) {
      page.append("<li>").append(RuleStatus.SKIPPED.label()).append(": ").append(html(coverage.ids(RuleStatus.SKIPPED)))
          .append("</li>\n");
    }
    if (!coverage.lackingAScenario().isEmpty()) {
      page.append("<li>").append(RuleStatus.NOT_COVERED.label()).append(": ")
          .append(html(Coverage.ids(coverage.lackingAScenario()))).append("</li>\n");
    }
    if (!coverage.leftToAReviewer().isEmpty()) {
      page.append("<li>no wire check can judge (PROTOCOL.md §22 says why): ")
          .append(html(Coverage.ids(coverage.leftToAReviewer()))).append("</li>\n");
    }
    if (!coverage.unchecked(RuleStatus.NOT_SELECTED).isEmpty()) {
      page.append("<li>").append(RuleStatus.NOT_SELECTED.label()).append(": ")
          .append(html(coverage.ids(RuleStatus.NOT_SELECTED))).append("</li>\n");
    }
    List<Rule> inPart = Coverage.passedInPart(report.ofCheckedSide());
    if (!inPart.isEmpty()) {
      page.append("<li>passed in part, the rest left to a reviewer (PROTOCOL.md §22): ")
          .append(html(inPart.stream().map(Rule::id).collect(Collectors.joining(", ")))).append("</li>\n");
    }
    page.append("</ul>\n");
    List<RuleVerdict> skipped = report.withStatus(RuleStatus.SKIPPED);
    if (!skipped.isEmpty()) {
      page.append("<div class=\"warning\"><strong>").append(skipped.size())
          .append(skipped.size() == 1 ? " rule was" : " rules were").append(" skipped and NOT verified against this target:</strong><ul>\n");
      skipped.forEach(v -> page.append("<li><a href=\"#").append(html(v.rule().id())).append("\">").append(html(v.rule().id()))
          .append("</a> ").append(html(v.rule().title())).append(": ").append(html(v.skipReason().orElse("no reason given")))
          .append("</li>\n"));
      page.append("</ul></div>\n");
    }
    if (!report.errors().isEmpty()) {
      page.append("<div class=\"error\"><strong>The run itself went wrong, so it proves nothing:</strong><ul>\n");
      report.errors().forEach(e -> page.append("<li><pre>").append(html(e)).append("</pre></li>\n"));
      page.append("</ul></div>\n");
    }
  }

  private static void rule(StringBuilder page, RuleVerdict v) {
    String status = v.status().label();
    page.append("<tr class=\"rule ").append(status).append("\" id=\"").append(html(v.rule().id())).append("\">")
        .append("<td class=\"id\">").append(html(v.rule().id())).append("</td><td>").append(v.rule().level())
        .append("</td><td>").append(html(v.rule().title())).append("</td><td><span class=\"status ").append(status)
        .append("\">").append(html(VerdictText.label(v))).append("</span></td></tr>\n");
    if (v.status() == RuleStatus.NOT_SELECTED) {
      return;
    }
    page.append("<tr><td></td><td colspan=\"3\">");
    if (v.status() == RuleStatus.FAILED || v.status() == RuleStatus.SKIPPED) {
      page.append("<p class=\"text\">").append(html(v.rule().text())).append("</p>");
    }
    v.rule().checkedInPart().ifPresent(rest -> page.append("<p class=\"text\"><strong>Checked in part.</strong> ")
        .append("A reviewer checks the rest (PROTOCOL.md §22): ").append(html(rest)).append("</p>"));
    for (ScenarioResult s : v.scenarios()) {
      scenario(page, s);
    }
    if (v.status() == RuleStatus.NOT_COVERED) {
      page.append(v.rule().whyNotJudgeable().map(why -> "No wire check can judge this rule (PROTOCOL.md §22): " + html(why))
          .orElse("No scenario of the kit checks this rule."));
    }
    page.append("</td></tr>\n");
  }

  private static void scenario(StringBuilder page, ScenarioResult s) {
    String status = s.status().name().toLowerCase(Locale.ROOT);
    page.append("<div><span class=\"status ").append(status).append("\">").append(status).append("</span> ")
        .append(html(s.name())).append(" <code>").append(html(s.location().toString())).append("</code> ")
        .append(html(Durations.human(s.duration()))).append("</div>");
    if (s.skipReason() != null) {
      page.append("<dl class=\"failure\"><dt>skipped</dt><dd>").append(html(s.skipReason())).append("</dd></dl>");
    }
    Failure f = s.failure();
    if (f == null) {
      return;
    }
    page.append("<dl class=\"failure\">");
    if (f.isCheckFailure()) {
      page.append("<dt>expected</dt><dd>").append(html(f.expected())).append("</dd><dt>saw</dt><dd>")
          .append(html(f.actual())).append("</dd>");
      f.timingIfAny().ifPresent(t -> page.append("<dt>timing</dt><dd>").append(html(t.toString())).append("</dd>"));
    } else {
      page.append("<dt>error</dt><dd>").append(html(f.message())).append("</dd>");
    }
    page.append("</dl>");
    if (f.detail() != null) {
      page.append("<details><summary>stack trace</summary><pre>").append(html(f.detail())).append("</pre></details>");
    }
  }

  private static Map<String, List<RuleVerdict>> bySection(RunReport report) {
    Map<String, List<RuleVerdict>> sections = new LinkedHashMap<>();
    report.ofCheckedSide().forEach(v -> sections.computeIfAbsent(v.rule().section(), k -> new ArrayList<>()).add(v));
    return sections;
  }

  private static void item(StringBuilder page, String name, String value) {
    page.append("<dt>").append(html(name)).append("</dt><dd>").append(html(value)).append("</dd>\n");
  }
}
