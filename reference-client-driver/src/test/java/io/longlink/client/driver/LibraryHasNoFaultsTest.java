package io.longlink.client.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.client.driver.fault.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped client (reference-client/src/main) knows nothing of the fault switches: no
 * reference to this module, to a violation or to a fault type. Fault injection lives in the
 * driver's decorators only.
 */
class LibraryHasNoFaultsTest {

  private static final Path LIBRARY = Path.of("..", "reference-client", "src", "main", "java");
  private static final Pattern FORBIDDEN = Pattern.compile(
      "io\\.longlink\\.client\\.driver|(?i:violat)|\\b[A-Z]\\w*Fault\\b|\\bFault\\b|--violate");

  @Test
  void theLibrarySourcesHaveNoReferenceToAnyViolation() throws IOException {
    assertTrue(Files.isDirectory(LIBRARY), "the library sources are at " + LIBRARY.toAbsolutePath());
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(LIBRARY)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (FORBIDDEN.matcher(lines.get(i)).find() || mentionsASwitch(lines.get(i))) {
            hits.add(LIBRARY.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertEquals(List.of(), hits, "the shipped client mentions fault injection");
  }

  @Test
  void theScanWouldSeeOne() {
    assertTrue(FORBIDDEN.matcher("if (violations.contains(Violation.RC_2)) {").find());
    assertTrue(FORBIDDEN.matcher("import io.longlink.client.driver.fault.LinkFault;").find());
    assertTrue(mentionsASwitch("case RC_2 -> jitter = 0;"));
  }

  private static boolean mentionsASwitch(String line) {
    for (Violation v : Violation.values()) {
      if (Pattern.compile("\\b" + v.name() + "\\b").matcher(line).find()) {
        return true;
      }
    }
    return false;
  }
}
