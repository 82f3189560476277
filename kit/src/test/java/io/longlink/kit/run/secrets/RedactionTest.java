package io.longlink.kit.run.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.report.ConsoleSummary;
import io.longlink.kit.report.ReportDirectory;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.FeatureSource;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.settings.Redactor;
import io.longlink.kit.testing.FixedTokens;
import io.longlink.rules.RuleCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets a target echoes back, or a step quotes, never reach the console or a report. */
class RedactionTest {

  private static final String GATEWAY_KEY = "gw-key-3f9a2c71b";
  private static final String ALICE_TOKEN = new FixedTokens(true).token("alice");

  @TempDir
  static Path directory;
  private static RunReport report;

  @BeforeAll
  static void run() throws IOException {
    RuleCatalog catalog = RuleCatalog.load();
    // Cucumber's message stream too: its step errors quote what the steps quoted.
    Files.createDirectories(directory.resolve("reports"));
    ConformanceRunner runner = ConformanceRunner.builder().catalog(catalog).features(FeatureSource.classpath("fixtures.secrets"))
        .glue("io.longlink.kit.run.secrets").messages(directory.resolve("reports").resolve(ReportDirectory.MESSAGES)).build();
    KitSettings settings = new KitSettings(URI.create("ws://127.0.0.1:9/ws"), new FixedTokens(true),
        Map.of("X-Api-Key", GATEWAY_KEY), false, null, KitSettings.DEFAULT_TIMING_SLACK, 500, 20000, "run-redaction");
    report = runner.run(settings, RuleSelection.defaults(catalog), RuleListener.NONE);
  }

  @Test
  void theFixtureReallyQuotedTheSecrets() {
    assertEquals(RuleStatus.FAILED, report.verdict("LL-AUTH-5").orElseThrow().status());
    assertEquals(RuleStatus.SKIPPED, report.verdict("LL-AUTH-6").orElseThrow().status());
  }

  @Test
  void failuresAndSkipReasonsAreRedacted() {
    var failure = report.verdict("LL-AUTH-5").orElseThrow().firstFailure().orElseThrow().failure();
    String skip = report.verdict("LL-AUTH-6").orElseThrow().skipReason().orElseThrow();
    for (String text : List.of(failure.message(), failure.expected(), failure.actual(), skip)) {
      assertClean(text);
    }
    assertTrue(failure.actual().contains(Redactor.SECRET) && failure.actual().contains(Redactor.JWT), failure.actual());
  }

  @Test
  void theConsoleAndEveryReportFileAreRedacted() throws IOException {
    StringWriter console = new StringWriter();
    ConsoleSummary.print(report, new PrintWriter(console));
    assertClean(console.toString());
    List<Path> files = ReportDirectory.write(report, directory.resolve("reports"));
    assertTrue(files.contains(directory.resolve("reports").resolve(ReportDirectory.MESSAGES)), "the message stream: " + files);
    for (Path file : files) {
      String text = Files.readString(file);
      assertClean(text);
      assertTrue(text.contains("redacted"), file + " shows where a secret was");
    }
    try (var left = Files.list(directory.resolve("reports"))) {
      assertEquals(files.size(), left.count(), "no unredacted stream is left beside the reports");
    }
  }

  private static void assertClean(String text) {
    assertFalse(text.contains(ALICE_TOKEN), () -> "alice's token in: " + text);
    assertFalse(text.contains(EchoSteps.STRANGE_JWT), () -> "a JWT in: " + text);
    assertFalse(text.contains(GATEWAY_KEY), () -> "the gateway key in: " + text);
  }
}
