package io.longlink.server.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The shipped server (reference-server/src/main) knows nothing of the rule-violation switches:
 * no reference to a violation, to the faults module, or to a way of turning one on. Faults live in
 * server-faults, which wraps the server from outside (interceptors on its connections, decorators
 * of its parts). The build fails when one comes back.
 */
class ServerHasNoFaultsTest {

  private static final Path SOURCES = Path.of("src", "main", "java");
  private static final Path POM = Path.of("pom.xml");
  /** "Violation" as a word (the switches' type), the faults module, the switch's flag, a switch test. */
  private static final Pattern FORBIDDEN = Pattern.compile(
      "\\bViolations?\\b|io\\.longlink\\.server\\.faults|longlink-server-faults|--violate|\\bviolates?\\(|violations\\(\\)\\.has");

  @Test
  void theServerSourcesHaveNoReferenceToAnyViolation() throws IOException {
    assertTrue(Files.isDirectory(SOURCES), "the server sources are at " + SOURCES.toAbsolutePath());
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        hits.addAll(scan(SOURCES.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
    }
    hits.addAll(scan("pom.xml", Files.readAllLines(POM, StandardCharsets.UTF_8)));
    assertEquals(List.of(), hits, "the shipped server mentions fault injection; move it to server-faults "
        + "(a FrameFilter on the wire, or a decorator of a part in ServerParts)");
  }

  @Test
  void theScanWouldSeeOne() {
    assertFalse(scan("Hub.java", List.of("if (violations.has(Violation.DLV_3)) {")).isEmpty());
    assertFalse(scan("X.java", List.of("import io.longlink.server.faults.wire.FrameFilter;")).isEmpty());
    assertFalse(scan("pom.xml", List.of("<artifactId>longlink-server-faults</artifactId>")).isEmpty());
    assertFalse(scan("Connection.java", List.of("if (!violates(Violation.HB_3)) {")).isEmpty());
    // A schema violation is the validator's word for invalid input, not a switch.
    assertTrue(scan("PreAuth.java", List.of("error.kind() == DecodeError.Kind.SCHEMA_VIOLATION && error.violations()")).isEmpty());
  }

  private static List<String> scan(String name, List<String> lines) {
    List<String> hits = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (FORBIDDEN.matcher(lines.get(i)).find()) {
        hits.add(name + ":" + (i + 1) + ": " + lines.get(i).trim());
      }
    }
    return hits;
  }
}
