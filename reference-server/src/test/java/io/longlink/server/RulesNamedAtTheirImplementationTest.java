package io.longlink.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One rule ID is the thread a reader follows from PROTOCOL.md to the code: every server rule the
 * conformance kit checks (the rule IDs tagged in the server scenarios, features/*.feature) is named
 * in the reference server's sources, in a comment where the server implements it. (The faults
 * that break rules live in server-faults, which this scan does not read.)
 */
class RulesNamedAtTheirImplementationTest {

  private static final Path FEATURES = Path.of("..", "features");
  private static final Path PROTOCOL = Path.of("..", "spec", "PROTOCOL.md");
  private static final Path SOURCES = Path.of("src", "main", "java");
  /** A rule tag: {@code @LL-HB-3}, a whole token of a tag line. */
  private static final Pattern TAG = Pattern.compile("^@(" + RuleCatalog.ID.pattern() + ")$");

  @Test
  void everyServerRuleTheKitChecksIsNamedWhereTheServerImplementsIt() throws IOException {
    RuleCatalog catalog = RuleCatalog.parse(Files.readString(PROTOCOL, StandardCharsets.UTF_8));
    Set<String> checked = new TreeSet<>();
    for (String id : taggedInServerFeatures()) {
      if (catalog.find(id).map(r -> r.side() == Side.SERVER).orElse(false)) {
        checked.add(id);
      }
    }
    // A scan that found nothing would pass for the wrong reason.
    assertTrue(checked.size() > 50, "server rules tagged in " + FEATURES.toAbsolutePath() + ": " + checked);

    List<String> missing = missing(checked, serverSources());
    assertTrue(missing.isEmpty(), () -> missing.size() + " server rules the kit checks are named nowhere in "
        + SOURCES + ":\n  "
        + missing.stream().map(id -> id + " (" + catalog.find(id).map(Rule::title).orElse("?") + ")")
            .collect(Collectors.joining("\n  "))
        + "\nName the rule in a comment where the server implements it, directly above the code that does what it"
        + " asks, e.g. // LL-HB-3: a session silent for heartbeat.timeout_ms is closed with 4000.");
  }

  @Test
  void theScanWouldReportARuleNamedNowhere() throws IOException {
    assertEquals(List.of("LL-ZZZ-0"), missing(List.of("LL-ZZZ-0"), serverSources()),
        "an ID that occurs nowhere in the server is reported missing");
    Map<Path, String> sources = Map.of(Path.of("Timer.java"), "// LL-HB-30: not the rule asked for.\n"
        + "// XLL-HB-3 and LL-HB-3x are not it either.\n");
    assertEquals(List.of("LL-HB-3"), missing(List.of("LL-HB-3"), sources), "only the whole ID counts");
    assertEquals(List.of(), missing(List.of("LL-HB-30", "LL-LIM-3", "LL-LIM-4"),
        Map.of(Path.of("A.java"), "// LL-HB-30: ...\n/** The window of LL-LIM-3/LL-LIM-4. */")));
  }

  @Test
  void tagsAreReadFromEveryTagLineIncludingExamples() {
    String feature = String.join("\n",
        "@server",
        "Feature: Heartbeat",
        "  # @LL-HB-9 is in a comment, not a tag",
        "  @LL-HB-2 @must @LL-HB-4",
        "  Scenario Outline: A ping is answered",
        "    When the client sends @LL-HB-8 as text",
        "    @LL-HB-3",
        "    Examples:",
        "      | x |");
    assertEquals(List.of("LL-HB-2", "LL-HB-4", "LL-HB-3"), tagsOf(feature));
  }

  /** The rule IDs tagged in the server scenarios: the .feature files at the top of features/, not those of its subdirectories. */
  private static Set<String> taggedInServerFeatures() throws IOException {
    assertTrue(Files.isDirectory(FEATURES), "the features are at " + FEATURES.toAbsolutePath());
    Set<String> ids = new TreeSet<>();
    try (Stream<Path> files = Files.list(FEATURES)) {
      for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".feature")).toList()) {
        ids.addAll(tagsOf(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return ids;
  }

  /** The rule IDs of the tag lines of one feature file, in order; a tag line may hold several, and end in a comment. */
  static List<String> tagsOf(String feature) {
    List<String> ids = new ArrayList<>();
    for (String line : feature.split("\n")) {
      String tags = line.strip();
      if (!tags.startsWith("@")) {
        continue;
      }
      int comment = tags.indexOf(" #");
      for (String token : (comment < 0 ? tags : tags.substring(0, comment)).split("\\s+")) {
        Matcher m = TAG.matcher(token);
        if (m.matches()) {
          ids.add(m.group(1));
        }
      }
    }
    return ids;
  }

  /** Every Java source of the server, by path. */
  private static Map<Path, String> serverSources() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "the server sources are at " + SOURCES.toAbsolutePath());
    Map<Path, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.put(file, Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertFalse(sources.isEmpty(), "no Java sources under " + SOURCES.toAbsolutePath());
    return sources;
  }

  /** The IDs, in the order given, that no source names as a whole ID ({@code LL-HB-30} does not name {@code LL-HB-3}). */
  static List<String> missing(Collection<String> ids, Map<Path, String> sources) {
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      Pattern whole = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?!\\w)");
      if (sources.values().stream().noneMatch(text -> whole.matcher(text).find())) {
        missing.add(id);
      }
    }
    return missing;
  }
}
