package io.longlink.kit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.run.ScenarioStatus;
import io.longlink.kit.wire.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client checks judge: the toy client passes the rules it implements, and each of its broken
 * modes fails the rule that says why (the "done when" of client conformance mode).
 */
class ToyClientCheckTest {

  private static final List<String> IMPLEMENTED = List.of("LL-TR-1", "LL-TR-5", "LL-TR-6", "LL-MSG-4", "LL-AUTH-1",
      "LL-HB-1", "LL-HB-5", "LL-HB-6", "LL-RC-2", "LL-RC-5", "LL-RC-6", "LL-RC-8", "LL-CHAT-7", "LL-CLOSE-3",
      "LL-SEC-1", "LL-SEC-2");

  @Test
  void theCorrectToyPassesTheRulesItImplements() {
    RunReport report = ToyRuns.check(List.of(String.join(",", IMPLEMENTED)));
    for (String rule : IMPLEMENTED) {
      assertEquals(RuleStatus.PASSED, ToyRuns.status(report, rule), rule + ToyRuns.describe(report));
    }
    assertEquals(RunReport.EXIT_PASSED, report.exitCode(), ToyRuns.describe(report));
  }

  @Test
  void aFixedRetryWithoutJitterFailsTheBackoffRule() {
    RunReport report = ToyRuns.check(List.of("LL-RC-2"), "--fixed-retry-ms=300");
    assertEquals(RuleStatus.FAILED, ToyRuns.status(report, "LL-RC-2"), ToyRuns.describe(report));
    assertTrue(ToyRuns.describe(report).contains("(LL-RC-2"), ToyRuns.describe(report));
  }

  @Test
  void aClientThatNeverNoticesASilentServerFailsHalfOpenDetection() {
    RunReport report = ToyRuns.check(List.of("LL-HB-5"), "--ignore-silence");
    assertEquals(RuleStatus.FAILED, ToyRuns.status(report, "LL-HB-5"), ToyRuns.describe(report));
    assertTrue(ToyRuns.describe(report).contains("(LL-HB-5)"), ToyRuns.describe(report));
    // The failed scenario carries what the client and the harness said, seen as on a server check's.
    Transcript transcript = report.verdict("LL-HB-5").orElseThrow().scenarios().stream()
        .filter(s -> s.status() == ScenarioStatus.FAILED).findFirst().orElseThrow().transcriptIfAny().orElseThrow();
    List<String> seen = transcript.events().stream()
        .map(e -> e.connection() + " " + e.direction().label() + " " + e.kind().label() + " " + e.text()).toList();
    assertTrue(seen.stream().anyMatch(e -> e.startsWith("the client's connection #1 sent open ")), seen.toString());
    assertTrue(seen.stream().anyMatch(e -> e.startsWith("the client's connection #1 sent text {\"type\":\"auth\"")),
        seen.toString());
    assertTrue(seen.stream().anyMatch(e -> e.startsWith("the client's connection #1 received text {\"type\":\"auth_ok\"")),
        seen.toString());
    assertTrue(seen.stream().noneMatch(e -> e.contains("kit-token-")), "the client's token is named, not shown: " + seen);
  }

  @Test
  void flushingTheOutboxWithNewIdsFailsTheFlushRule() {
    RunReport report = ToyRuns.check(List.of("LL-RC-8"), "--new-ids-on-flush");
    assertEquals(RuleStatus.FAILED, ToyRuns.status(report, "LL-RC-8"), ToyRuns.describe(report));
    assertTrue(ToyRuns.describe(report).contains("original ids"), ToyRuns.describe(report));
  }
}
