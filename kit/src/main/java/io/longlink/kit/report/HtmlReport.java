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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
      .failures{background:#fbdcdc;padding:.6em 1em;border-radius:4px}.failures li{margin:.2em 0}
      .transcript{margin:.5em 0 1.2em}.diagram{overflow-x:auto;border:1px solid #e4e4e4;background:#fcfcfc}
      .diagram text{font:11px ui-monospace,monospace;text-anchor:middle}.diagram text.t{text-anchor:start;fill:#777}
      .diagram .lane rect{fill:#eef3fb;stroke:#9ab}.diagram .lane.server rect{fill:#f3eefb}
      .diagram .lane line{stroke:#bbb;stroke-dasharray:4 3}.diagram .frame line{stroke:#36c;stroke-width:1.4}
      .diagram .frame.received line{stroke:#393}.diagram .frame.close line{stroke:#a60;stroke-dasharray:6 2}
      .diagram .frame.bad line{stroke:#c22}.diagram .frame.bad text{fill:#c22}.diagram .frame.open line{stroke:#888}
      .diagram marker path{fill:#555}.diagram a:hover text{font-weight:bold}
      .diagram .omitted rect{fill:#eee}.diagram .omitted text{fill:#555;font-style:italic}
      table.frames td{border-top:1px solid #eee;font-size:13px}table.frames pre{margin:0;max-height:12em;overflow:auto}
      table.frames tr:target{background:#fff6c8}tr.keepalive{color:#999}tr.omitted td{font-style:italic;color:#666}
      .show-keepalive:not(:checked)~table tr.keepalive{display:none}.note{color:#666;font-size:13px}
      """;

  private static final Pattern REFERENCE = Pattern.compile("\\[(LL-[A-Z]+-\\d+)\\]");

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
    failures(page, report);
    coverage(page, report, side);
    Set<String> anchors = report.ofCheckedSide().stream().map(v -> v.rule().id()).collect(Collectors.toSet());
    for (Map.Entry<String, List<RuleVerdict>> section : bySection(report).entrySet()) {
      page.append("<h2>").append(html(section.getKey())).append("</h2>\n<table>\n")
          .append("<tr><th>Rule</th><th>Level</th><th>Title</th><th>Status</th></tr>\n");
      section.getValue().forEach(v -> rule(page, v, anchors));
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
    page.append("<dt>Tag expression</dt><dd><details><summary>the scenarios' tags it selected</summary><code>")
        .append(html(report.selection().tagExpression())).append("</code></details></dd>\n");
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

  /** The failed rules first, each linked to its section below and to its first failed scenario's transcript. */
  private static void failures(StringBuilder page, RunReport report) {
    List<RuleVerdict> failed = report.failed();
    if (failed.isEmpty()) {
      return;
    }
    page.append("<div class=\"failures\"><strong>").append(failed.size()).append(failed.size() == 1 ? " rule" : " rules")
        .append(" failed:</strong><ul>\n");
    for (RuleVerdict v : failed) {
      String id = html(v.rule().id());
      page.append("<li><a href=\"#").append(id).append("\">").append(id).append("</a> ").append(html(v.rule().title()));
      v.firstFailure().ifPresent(first -> {
        Failure f = first.failure();
        page.append(": ").append(html(f.isCheckFailure() ? "expected " + f.expected() + "; saw " + f.actual()
            : f.message().lines().findFirst().orElse(""))).append(" (<a href=\"#").append(scenarioAnchor(v, first))
            .append("\">").append(html(first.name())).append("</a>)");
      });
      page.append("</li>\n");
    }
    page.append("</ul></div>\n");
  }

  /** The anchor of a failed scenario's section under a rule: a scenario may fail several rules. */
  private static String scenarioAnchor(RuleVerdict v, ScenarioResult s) {
    return html(v.rule().id() + "-" + s.location().toString().replaceAll("[^A-Za-z0-9]+", "-"));
  }

  /** The rule's text, its references to other rules ([LL-ERR-5]) linked to their rows. */
  private static String ruleText(RuleVerdict v, Set<String> anchors) {
    Matcher refs = REFERENCE.matcher(html(v.rule().text()));
    StringBuilder out = new StringBuilder();
    while (refs.find()) {
      String id = refs.group(1);
      refs.appendReplacement(out, Matcher.quoteReplacement(anchors.contains(id)
          ? "<a href=\"#" + id + "\">[" + id + "]</a>" : refs.group()));
    }
    return refs.appendTail(out).toString();
  }

  private static void rule(StringBuilder page, RuleVerdict v, Set<String> anchors) {
    String status = v.status().label();
    String id = html(v.rule().id());
    page.append("<tr class=\"rule ").append(status).append("\" id=\"").append(id).append("\">")
        .append("<td class=\"id\"><a href=\"#").append(id).append("\">").append(id).append("</a></td><td>")
        .append(v.rule().level()).append("</td><td title=\"").append(html(v.rule().text())).append("\">")
        .append(html(v.rule().title())).append("</td><td><span class=\"status ").append(status)
        .append("\">").append(html(VerdictText.label(v))).append("</span></td></tr>\n");
    if (v.status() == RuleStatus.NOT_SELECTED) {
      return;
    }
    page.append("<tr><td></td><td colspan=\"3\">");
    if (v.status() == RuleStatus.FAILED || v.status() == RuleStatus.SKIPPED) {
      page.append("<p class=\"text\">").append(ruleText(v, anchors)).append("</p>");
    }
    v.rule().checkedInPart().ifPresent(rest -> page.append("<p class=\"text\"><strong>Checked in part.</strong> ")
        .append("A reviewer checks the rest (PROTOCOL.md §22): ").append(html(rest)).append("</p>"));
    for (ScenarioResult s : v.scenarios()) {
      scenario(page, v, s);
    }
    if (v.status() == RuleStatus.NOT_COVERED) {
      page.append(v.rule().whyNotJudgeable().map(why -> "No wire check can judge this rule (PROTOCOL.md §22): " + html(why))
          .orElse("No scenario of the kit checks this rule."));
    }
    page.append("</td></tr>\n");
  }

  private static void scenario(StringBuilder page, RuleVerdict v, ScenarioResult s) {
    String status = s.status().name().toLowerCase(Locale.ROOT);
    page.append(s.failure() == null ? "<div>" : "<div id=\"" + scenarioAnchor(v, s) + "\">").append("<span class=\"status ").append(status).append("\">").append(status).append("</span> ")
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
    s.transcriptIfAny().filter(t -> !t.isEmpty()).ifPresent(t -> {
      String rows = "f-" + scenarioAnchor(v, s);
      page.append("<div class=\"transcript\"><strong>What the connections sent and received</strong> (")
          .append(t.connections().size()).append(t.connections().size() == 1 ? " connection" : " connections")
          .append("; hover an arrow for its frame, click it for its row)\n");
      SequenceDiagram.render(page, t, rows);
      TranscriptTable.render(page, t, rows);
      page.append("</div>");
    });
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
