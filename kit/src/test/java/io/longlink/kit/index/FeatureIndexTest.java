package io.longlink.kit.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureIndexTest {

  private final FeatureIndex outcomes = FeatureIndex.classpath("fixtures.outcomes");

  @Test
  void listsEveryScenarioWithItsLineAndRuleIds() {
    IndexedScenario late = outcomes.scenarios().stream().filter(s -> s.name().equals("A second ping is answered too late"))
        .findFirst().orElseThrow();
    assertEquals("fixtures/outcomes/heartbeat.feature", late.feature());
    assertEquals(9, late.line());
    assertEquals(List.of("LL-HB-2"), late.ruleIds());
    assertEquals(Set.of("@server", "@LL-HB-2", "@must"), late.tags());
    assertFalse(late.isExample());
    assertEquals(13, outcomes.scenarios().size());
  }

  @Test
  void everyExampleRowIsAScenarioWithItsExamplesTags() {
    List<IndexedScenario> rows = outcomes.scenariosFor("LL-DD-3");
    assertEquals(List.of("Dedup across 1 connections", "Dedup across 2 connections", "Dedup across 9 connections"),
        rows.stream().map(IndexedScenario::name).toList());
    assertEquals(List.of(30, 31, 36), rows.stream().map(IndexedScenario::line).toList());
    assertTrue(rows.stream().allMatch(r -> r.isExample() && r.scenarioLine() == 25));
    assertTrue(rows.get(2).hasTag("@slow"));
    assertFalse(rows.get(0).hasTag("@slow"));
  }

  @Test
  void groupsScenariosByRule() {
    assertEquals(2, outcomes.byRule().get("LL-HB-2").size());
    assertEquals(Set.of("LL-HB-2", "LL-HB-3", "LL-HB-4", "LL-SEC-4", "LL-DD-1", "LL-DD-2", "LL-AUTH-12", "LL-LIM-7", "LL-DD-3"),
        outcomes.byRule().keySet());
    assertTrue(outcomes.problems().isEmpty());
  }

  @Test
  void scansADirectoryNamingFeaturesRelativeToIt() throws IOException {
    FeatureIndex index = FeatureIndex.scan(Path.of("src/test/resources/fixtures"));
    assertTrue(index.scenarios().stream().anyMatch(s -> s.location().equals("outcomes/heartbeat.feature:9")));
    assertTrue(index.scenarios().stream().anyMatch(s -> s.feature().equals("parallel/meeting.feature")));
  }

  @Test
  void reportsFilesThatDoNotParse() {
    FeatureIndex broken = FeatureIndex.classpath("fixtures.broken");
    assertEquals(1, broken.problems().size());
    assertTrue(broken.problems().get(0).startsWith("fixtures/broken/broken.feature: (8:3)"), broken.problems().get(0));
  }

  @Test
  void parsesTextAndIgnoresTagsThatAreNotRuleIds() {
    FeatureIndex index = FeatureIndex.parse("x.feature", """
        @server
        Feature: x
          @LL-HB-2 @LL-HB @ll-hb-3 @must
          Scenario: y
            Given z
        """);
    assertEquals(List.of("LL-HB-2"), index.scenarios().get(0).ruleIds());
    assertEquals(4, index.scenarios().get(0).line());
  }
}
