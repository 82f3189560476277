package io.longlink.kit.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.index.FeatureIndex;
import io.longlink.kit.index.IndexedScenario;
import io.longlink.rules.Level;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thread from PROTOCOL.md to features/: every server MUST rule has a scenario, every scenario
 * names rules that exist, and its tags say the truth about them.
 */
class TraceabilityTest {

  private static final Path FEATURES = Path.of("..", "features");

  private final RuleCatalog rules = RuleCatalog.load();
  private final FeatureIndex index;

  TraceabilityTest() throws IOException {
    index = FeatureIndex.scan(FEATURES);
  }

  @Test
  void theFeaturesParse() {
    assertEquals(List.of(), index.problems());
    assertTrue(index.scenarios().size() > 60, "scenarios found: " + index.scenarios().size());
  }

  /** Client rules wait for the kit's client mode; PROTOCOL.md §1 says so. */
  @Test
  void everyServerMustAndShouldRuleHasAScenarioOrAReasonWhyNone() {
    List<String> uncovered = new ArrayList<>();
    for (Rule rule : rules.forSide(Side.SERVER)) {
      boolean checkable = rules.whyNotJudgeable(rule.id()).isEmpty();
      if (rule.level() != Level.MAY && !rule.retired() && checkable && index.scenariosFor(rule.id()).isEmpty()) {
        uncovered.add(rule.id() + " (" + rule.title() + ")");
      }
    }
    assertEquals(List.of(), uncovered, "server rules of PROTOCOL.md with neither a scenario in features/ nor a line in §22");
  }

  @Test
  void noScenarioClaimsToCheckARuleTheSpecCallsUnjudgeable() {
    List<String> claims = new ArrayList<>();
    for (Rule rule : rules.all()) {
      if (rules.whyNotJudgeable(rule.id()).isPresent() && !index.scenariosFor(rule.id()).isEmpty()) {
        claims.add(rule.id());
      }
    }
    assertEquals(List.of(), claims, "PROTOCOL.md §22 says no wire check can judge these, yet scenarios name them");
  }

  @Test
  void everyScenarioNamesExistingServerRulesWithTheirLevel() {
    List<String> problems = new ArrayList<>();
    for (IndexedScenario s : index.scenarios()) {
      String where = s.feature() + ":" + s.line() + " (" + s.name() + ")";
      if (s.ruleIds().isEmpty()) {
        problems.add(where + " names no rule");
      }
      if (!s.hasTag("@server")) {
        problems.add(where + " is not tagged @server");
      }
      for (String id : s.ruleIds()) {
        var rule = rules.find(id);
        if (rule.isEmpty()) {
          problems.add(where + " names " + id + ", which PROTOCOL.md does not define");
        } else {
          String level = "@" + rule.get().level().name().toLowerCase();
          if (!s.hasTag(level)) {
            problems.add(where + " checks " + id + ", a " + rule.get().level() + " rule, but is not tagged " + level);
          }
          if (rule.get().side() != Side.SERVER) {
            problems.add(where + " checks " + id + ", which binds the client");
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
