package io.longlink.kit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.kit.KitVersion;
import io.longlink.kit.run.Coverage;
import io.longlink.kit.run.Failure;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioResult;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.wire.TranscriptEvent;
import io.longlink.protocol.Protocol;
import io.longlink.rules.Rule;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * {@code results.json}: every rule of the spec with its status and scenarios, and the run's
 * metadata, for tools. Member names are snake_case like the protocol's; statuses are
 * {@code passed}, {@code failed}, {@code skipped}, {@code not-covered}, {@code not-selected}.
 * Header values and secrets are never written: headers often carry API keys. Its JSON Schema is
 * spec/results.schema.json.
 */
public final class JsonReport {

  /** Identifies the shape of this document; bump it on incompatible changes. */
  public static final String FORMAT = "longlink-results/1";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static void write(RunReport report, OutputStream out) throws IOException {
    MAPPER.writeValue(out, tree(report));
  }

  static ObjectNode tree(RunReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("spec_version", Protocol.VERSION);
    root.put("kit_version", KitVersion.get());
    root.set("run", run(report));
    root.set("summary", summary(report));
    ArrayNode rules = root.putArray("rules");
    report.verdicts().forEach(v -> rules.add(rule(v)));
    return root;
  }

  private static ObjectNode run(RunReport report) {
    KitSettings settings = report.settings();
    ObjectNode run = MAPPER.createObjectNode();
    run.put("target", report.target());
    ArrayNode nodes = run.putArray("nodes");
    report.nodes().forEach(nodes::add);
    run.put("run_id", settings.runId());
    run.put("tokens", settings.tokens().describe());
    ArrayNode headers = run.putArray("header_names");
    settings.headers().keySet().stream().sorted().forEach(headers::add);
    run.put("insecure", settings.insecure());
    run.put("ca_file", settings.caFile() == null ? null : settings.caFile().toString());
    run.put("timing_slack_ms", settings.timingSlack().toMillis());
    run.put("max_connections", settings.maxConnections());
    run.put("max_messages", settings.maxMessages());
    run.put("side", report.selection().side().name().toLowerCase(Locale.ROOT));
    run.put("strict", report.selection().strict());
    ArrayNode references = run.putArray("rules");
    report.selection().references().forEach(references::add);
    run.put("tags", report.selection().userTags().orElse(null));
    run.put("tag_expression", report.selection().tagExpression());
    run.put("parallelism", report.parallelism());
    run.put("started", report.started().toString());
    run.put("duration_ms", report.duration().toMillis());
    run.put("exit_code", report.exitCode());
    ArrayNode errors = run.putArray("errors");
    report.errors().forEach(errors::add);
    return run;
  }

  /** Counts over the rules of the checked side, like the console's and the HTML's. */
  private static ObjectNode summary(RunReport report) {
    ObjectNode summary = MAPPER.createObjectNode();
    for (RuleStatus status : RuleStatus.values()) {
      summary.put(status.label().replace('-', '_'), report.ofCheckedSide().stream().filter(v -> v.status() == status).count());
    }
    Coverage coverage = report.coverage();
    summary.put("side_rules", coverage.total());
    summary.put("side_rules_checked", coverage.checked());
    return summary;
  }

  private static ObjectNode rule(RuleVerdict verdict) {
    Rule rule = verdict.rule();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", rule.id());
    node.put("level", rule.level().name());
    node.put("side", rule.side().name().toLowerCase(Locale.ROOT));
    node.put("section", rule.section());
    node.put("title", rule.title());
    node.put("text", rule.text());
    node.put("retired", rule.retired());
    node.put("status", verdict.status().label());
    rule.checkedInPart().ifPresent(rest -> node.put("checked_in_part", rest));
    rule.whyNotJudgeable().ifPresent(why -> node.put("no_wire_check", why));
    ArrayNode scenarios = node.putArray("scenarios");
    verdict.scenarios().forEach(s -> scenarios.add(scenario(s)));
    return node;
  }

  private static ObjectNode scenario(ScenarioResult result) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", result.name());
    node.put("feature", result.location().feature());
    node.put("line", result.location().line());
    node.put("status", result.status().name().toLowerCase(Locale.ROOT));
    node.put("started", result.started().toString());
    node.put("duration_ms", result.duration().toMillis());
    if (result.failure() != null) {
      node.set("failure", failure(result.failure()));
    }
    if (result.skipReason() != null) {
      node.put("skip_reason", result.skipReason());
    }
    result.transcriptIfAny().ifPresent(t -> {
      ArrayNode events = node.putArray("transcript");
      t.events().forEach(e -> events.add(event(e)));
    });
    return node;
  }

  /**
   * One event of a failed scenario's transcript: {@code t_ms}, {@code connection}, {@code direction}
   * ("sent", "received"), {@code kind} ("open", "opened", "open-failed", "text", "binary", "frame",
   * "close", "end", "omitted") and what it carried; {@code text} is the frame exactly as on the wire.
   */
  private static ObjectNode event(TranscriptEvent e) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("t_ms", e.tMs());
    if (e.kind() == TranscriptEvent.Kind.OMITTED) {
      node.put("kind", e.kind().label());
      node.put("events", e.code());
      node.put("text", e.text());
      return node;
    }
    node.put("connection", e.connection());
    node.put("direction", e.direction().label());
    node.put("kind", e.kind().label());
    if (e.kind() == TranscriptEvent.Kind.CLOSE) {
      node.put("code", e.code());
    }
    if (e.kind() == TranscriptEvent.Kind.FRAME) {
      node.put("opcode", e.code());
    }
    if (e.text() != null) {
      node.put("text", e.text());
    }
    if (e.cut()) {
      node.put("length", e.length());
    }
    if (e.reason() != null) {
      node.put(e.kind() == TranscriptEvent.Kind.CLOSE ? "reason" : "note", e.reason());
    }
    if (e.keepalive()) {
      node.put("keepalive", true);
    }
    return node;
  }

  private static ObjectNode failure(Failure failure) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("message", failure.message());
    node.put("expected", failure.expected());
    node.put("actual", failure.actual());
    failure.timingIfAny().ifPresent(t -> {
      ObjectNode timing = node.putObject("timing");
      timing.put("measured_ms", t.measuredMs());
      timing.put("bound", t.bound());
    });
    node.put("detail", failure.detail());
    return node;
  }
}
