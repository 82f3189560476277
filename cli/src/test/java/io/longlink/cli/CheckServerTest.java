package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import io.longlink.kit.testing.FakeWebSocketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check server} end to end with the kit's fixture features and glue, against a fake server
 * that only answers the preflight handshake (the fixture steps never connect).
 */
class CheckServerTest {

  private static final Map<String, String> ENVIRONMENT = Map.of("LONGLINK_JWT_SECRET", Cli.SECRET);

  @Test
  void dryRunListsRulesTextAndScenariosWithoutSecretsOrServer() {
    Result result = Cli.run(Cli.fixtures(Map.of()), "check", "server", "--dry-run", "--rules", "LL-HB-2,LL-TR-2");
    assertEquals(0, result.exit(), result::toString);
    String out = result.out();
    assertTrue(out.startsWith("Dry run, nothing is sent: 2 scenarios would check MUST server rules in LL-HB-2, LL-TR-2 (2 rules)."), out);
    assertTrue(out.contains("LL-HB-2  MUST  server  Heartbeat\n  Answer every ping\n    The server MUST answer every `ping`"), out);
    assertTrue(out.contains("    A second ping is answered too late (fixtures/outcomes/heartbeat.feature:9)\n"), out);
    assertTrue(out.contains("LL-TR-2  MUST  server  Transport"), out);
    assertTrue(out.contains("  Scenarios: none; it would be reported as not covered\n"), out);
    assertTrue(out.endsWith("1 of 2 selected rules have scenarios to run.\n"), out);
  }

  @Test
  void aPassingRunExitsZeroAndWritesTheReports(@TempDir Path reports) throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgrading()) {
      Result result = Cli.run(Cli.fixtures(ENVIRONMENT), "check", "server", server.url(), "--rules", "LL-HB-3,LL-SEC-4",
          "--report-dir", reports.toString(), "--header", "X-Api-Key=k-1");
      assertEquals(0, result.exit(), result::toString);
      assertEquals(1, server.handshakes(), "one preflight handshake");
      assertEquals("k-1", server.lastRequestHeaders().get("x-api-key"));
      assertTrue(result.out().contains("Preflight: the server answered the WebSocket handshake and selected longlink.v1, and auth with auth_ok."), result.out());
      assertTrue(result.out().contains("\n    PASS         LL-HB-3     MUST    Close silent clients: 4000\n"), result.out());
      assertTrue(result.out().contains("\n  SKIP  LL-SEC-4    Verify signatures   ("), result.out());
      assertTrue(result.out().contains("Result: PASSED (exit 0): no selected MUST rule failed; 1 rule SKIPPED"), result.out());
      assertFalse(result.err().contains("warning"), "loopback ws:// needs no warning");
      for (String report : new String[] {"report.html", "junit.xml", "results.json"}) {
        assertTrue(Files.size(reports.resolve(report)) > 0, report);
      }
    }
  }

  @Test
  void givenRefusedTokensAndNoForbiddenMintingAreNamedInTheRunHeader() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgrading()) {
      Result result = Cli.run(Cli.fixtures(ENVIRONMENT), "check", "server", server.url(), "--rules", "LL-HB-3",
          "--token", "expired=kit-given-expired-token", "--jwt-forbidden", "none");
      assertEquals(0, result.exit(), result::toString);
      assertTrue(result.out().contains("expired token given, forbidden-user token none (LL-AUTH-7 is skipped)"), result.out());
      assertFalse(result.out().contains("kit-given-expired-token"), "a given token is a secret");
    }
  }

  @Test
  void aFailingMustRuleExitsOneAndSaysWhatWasExpected() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgrading()) {
      Result result = Cli.run(Cli.fixtures(ENVIRONMENT), "check", "server", server.url(), "--rules", "LL-HB-2");
      assertEquals(1, result.exit(), result::toString);
      assertTrue(result.out().contains("  FAIL  LL-HB-2     Answer every ping"), result.out());
      assertTrue(result.out().contains("          expected  pong within 1400 ms\n          saw       pong after 2300 ms\n"),
          result.out());
      assertTrue(result.out().contains("Result: FAILED (exit 1): 1 MUST rule failed: LL-HB-2"), result.out());
    }
  }

  /** A setup mistake is exit 2 and one line, not a run of failed rules: here a WebSocket server that never answers auth. */
  @Test
  void aServerThatGivesTheKitNoSessionIsExitTwoAndOneLine() throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.silent()) {
      Result result = Cli.run(Cli.fixtures(ENVIRONMENT), "check", "server", server.url(), "--rules", "LL-HB-3");
      assertEquals(2, result.exit(), result::toString);
      assertTrue(result.err().contains("no session at " + server.url() + ": no answer to auth within 5000 ms; is this a "
          + "Longlink longlink.v1 server? Nothing was checked."), result.err());
      assertFalse(result.out().contains("PASS") || result.out().contains("FAIL"), "no rule was run: " + result.out());
    }
  }

  /** Failures against a server that went away mid-run are no verdicts: exit 2, "target lost", and the reports of the run. */
  @Test
  void aServerThatDiesMidRunIsTargetLostExitTwo(@TempDir Path reports) throws IOException {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgradingOnce()) {
      Result result = Cli.run(Cli.fixtures(ENVIRONMENT), "check", "server", server.url(), "--rules", "LL-HB-2",
          "--report-dir", reports.toString());
      assertEquals(2, result.exit(), result::toString);
      assertTrue(result.err().contains("target lost: " + server.url() + " no longer answers (connection refused"),
          result.err());
      assertTrue(result.out().contains("FAIL  LL-HB-2"), "what was checked is still reported: " + result.out());
      assertTrue(Files.size(reports.resolve("results.json")) > 0);
    }
  }
}
