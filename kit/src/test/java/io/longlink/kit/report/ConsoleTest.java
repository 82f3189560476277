package io.longlink.kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.run.RunReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTest {

  private final RunReport report = Fixtures.report();

  private static List<String> lines(StringWriter text) {
    return List.of(text.toString().split("\\R"));
  }

  @Test
  void progressPrintsARuleWithWhatWasExpectedAndSeen() {
    StringWriter text = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
    progress.runStarted(12, 7, 8);
    progress.ruleFinished(report.verdict("LL-HB-2").orElseThrow());
    progress.ruleFinished(report.verdict("LL-HB-3").orElseThrow());
    progress.ruleFinished(report.verdict("LL-SEC-4").orElseThrow());
    List<String> lines = lines(text);
    assertEquals("Running 12 scenarios for 7 rules, 8 at a time.", lines.get(0));
    assertTrue(lines.get(1).matches("  FAIL  LL-HB-2     Answer every ping   \\(\\d+ ms\\)"), lines.get(1));
    assertTrue(lines.get(2).startsWith("          rule      The server MUST answer every `ping` of a session"), lines.get(2));
    assertEquals("          expected  pong within 1400 ms", lines.get(3));
    assertEquals("          saw       pong after 2300 ms", lines.get(4));
    assertEquals("          timing    measured 2300 ms, bound 1000 ms + 400 ms slack", lines.get(5));
    assertEquals("          scenario  A second ping is answered too late (fixtures/outcomes/heartbeat.feature:9)", lines.get(6));
    // A passed rule has no line of its own: the summary lists every rule once.
    assertTrue(lines.get(7).startsWith("  SKIP  LL-SEC-4    Verify signatures"), lines.get(7));
    assertEquals("          skipped   the target does not sign chats", lines.get(8));
    assertEquals(9, lines.size(), text.toString());
  }

  @Test
  void aLongRunSaysHowFarItGotEveryTenRules() {
    StringWriter text = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
    progress.runStarted(30, 25, 8);
    for (int i = 0; i < 25; i++) {
      progress.ruleFinished(report.verdict("LL-HB-3").orElseThrow());
    }
    assertEquals(List.of("Running 30 scenarios for 25 rules, 8 at a time.", "  … 10 of 25 rules done, 0 failed",
        "  … 20 of 25 rules done, 0 failed"), lines(text));
  }

  @Test
  void errorsTakeOneLineAndCannotDriveTheTerminal() {
    StringWriter text = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
    progress.ruleFinished(report.verdict("LL-DD-1").orElseThrow());
    progress.ruleFinished(report.verdict("LL-DD-2").orElseThrow());
    List<String> lines = lines(text);
    assertTrue(lines.get(1).startsWith("          rule      The server MUST answer a chat"), lines.get(1));
    assertEquals("          error     java.lang.IllegalStateException: socket closed <unexpectedly> & \"abruptly\" \\u0007",
        lines.get(2));
    assertEquals("          error     io.cucumber.junit.platform.engine.UndefinedStepException: The step 'a step that no glue "
        + "defines' is undefined.", lines.get(6));
    assertEquals(8, lines.size(), text.toString());
  }

  @Test
  void summaryGroupsBySectionAndEndsWithCoverageAndResult() {
    StringWriter text = new StringWriter();
    ConsoleSummary.print(report, new PrintWriter(text));
    String out = text.toString();
    assertTrue(out.contains("  Heartbeat\n    FAIL         LL-HB-2     MUST    Answer every ping\n"), out);
    assertTrue(out.contains("    NOT COVERED  LL-TR-2     MUST    Select the subprotocol"), out);
    assertTrue(out.contains("Coverage: " + report.coverage().headline("server") + "."), out);
    assertTrue(out.contains("  not-covered: LL-TR-2, LL-TR-3,"), out);
    // LL-HB-4 is judged on the wire only in part (PROTOCOL.md §22): never a plain PASS.
    assertTrue(out.contains("    PASS IN PART LL-HB-4     MUST    Any frame is a sign of life\n"), out);
    assertTrue(out.contains("  passed in part (PROTOCOL.md §22 says what a reviewer checks of each): LL-HB-4\n"), out);
    assertTrue(out.contains("SKIPPED: 1 rule was NOT verified against this target:\n  LL-SEC-4  Verify signatures: "
        + "the target does not sign chats"), out);
    List<String> lines = lines(text);
    // Of the selected rules without a fixture scenario, LL-LIM-11 is one no wire check can judge (PROTOCOL.md §22).
    long uncovered = report.selection().rules().size() - 7 - 1;
    assertEquals("Result: FAILED (exit 1): 3 MUST rules failed: LL-HB-2, LL-DD-1, LL-DD-2; 1 rule SKIPPED; " + uncovered
        + " selected rules have no scenario (NOT COVERED); 1 selected rule is left to a reviewer (PROTOCOL.md §22)",
        lines.get(lines.size() - 1));
    assertTrue(out.contains("  no wire check can judge (PROTOCOL.md §22 says why): LL-LIM-10, LL-LIM-11,"), out);
    assertFalse(out.contains("LL-AUTH-12  SHOULD"), "only selected rules are listed by section; AUTH-12 is a SHOULD rule");
    assertTrue(out.contains("  not-selected: LL-AUTH-12, LL-LIM-7"), out);
  }
}
