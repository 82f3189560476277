package io.longlink.kit.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioResult;
import io.longlink.kit.run.ScenarioStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every failure a switch causes can be debugged from the reports: its scenario carries the wire
 * transcript, and what it says it saw is what the wire carried, never a Java record's toString.
 * Both violation proofs (server and client) hold every report of a broken rule to it.
 */
final class Debuggable {

  /** What a Java record's toString looks like: {@code ChatAck[id=m1, seq=21, …]}. */
  private static final Pattern RECORD_TO_STRING = Pattern.compile("\\b[A-Z][A-Za-z]+\\[[a-z][A-Za-z]*=");

  private Debuggable() {}

  static void assertDebuggable(RunReport report) {
    assertDebuggable(report, Set.of());
  }

  /** {@code noWire}: rules whose broken scenario puts nothing on a wire the kit records (each caller says why). */
  static void assertDebuggable(RunReport report, Set<String> noWire) {
    assertEquals(List.of(), problems(report, noWire), "failures a person can debug");
  }

  private static List<String> problems(RunReport report, Set<String> noWire) {
    List<String> problems = new ArrayList<>();
    for (RuleVerdict verdict : report.withStatus(RuleStatus.FAILED)) {
      for (ScenarioResult r : verdict.scenarios()) {
        if (r.status() != ScenarioStatus.FAILED) {
          continue;
        }
        if (!noWire.contains(verdict.rule().id()) && r.transcriptIfAny().map(t -> t.events().isEmpty()).orElse(true)) {
          problems.add(verdict.rule().id() + " / " + r.name() + ": no transcript");
        }
        for (String text : Arrays.asList(r.failure().expected(), r.failure().actual())) {
          if (text != null && RECORD_TO_STRING.matcher(text).find()) {
            problems.add(verdict.rule().id() + " / " + r.name() + ": a record's toString in " + text);
          }
        }
      }
    }
    return problems;
  }
}
