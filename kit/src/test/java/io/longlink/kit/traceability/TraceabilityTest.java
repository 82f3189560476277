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
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The thread from PROTOCOL.md to features/, per side: every server MUST and SHOULD rule and every
 * client MUST rule has a scenario of its side (server scenarios at the top of features/, client
 * ones in features/client/), every scenario names rules of its own side that exist, and its tags
 * say the truth about them.
 */
class TraceabilityTest {

  private static final Path FEATURES = Path.of("..", "features");
  private static final String CLIENT_DIRECTORY = "client/";

  private final RuleCatalog rules = RuleCatalog.load();
  private final FeatureIndex index;

  TraceabilityTest() throws IOException {
    index = FeatureIndex.scan(FEATURES);
  }

  @Test
  void theFeaturesParse() {
    assertEquals(List.of(), index.problems());
    assertTrue(scenariosOf(Side.SERVER).size() > 60, "server scenarios found: " + scenariosOf(Side.SERVER).size());
    assertTrue(scenariosOf(Side.CLIENT).size() > 10, "client scenarios found: " + scenariosOf(Side.CLIENT).size());
  }

  /** Every MUST and SHOULD rule of either side needs a scenario, or a line in §22 saying why none can judge it. */
  @ParameterizedTest
  @EnumSource(Side.class)
  void everyRuleHasAScenarioOfItsSideOrAReasonWhyNone(Side side) {
    List<String> uncovered = new ArrayList<>();
    for (Rule rule : rules.forSide(side)) {
      boolean checkable = rules.whyNotJudgeable(rule.id()).isEmpty();
      boolean covered = scenariosOf(side).stream().anyMatch(s -> s.ruleIds().contains(rule.id()));
      if (Set.of(Level.MUST, Level.SHOULD).contains(rule.level()) && !rule.retired() && checkable && !covered) {
        uncovered.add(rule.id() + " (" + rule.title() + ")");
      }
    }
    assertEquals(List.of(), uncovered, name(side) + " rules of PROTOCOL.md with neither a scenario in "
        + directory(side) + " nor a line in §22");
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

  @ParameterizedTest
  @EnumSource(Side.class)
  void everyScenarioNamesExistingRulesOfItsSideWithTheirLevel(Side side) {
    List<String> problems = new ArrayList<>();
    String sideTag = "@" + name(side);
    for (IndexedScenario s : scenariosOf(side)) {
      String where = s.feature() + ":" + s.line() + " (" + s.name() + ")";
      if (s.ruleIds().isEmpty()) {
        problems.add(where + " names no rule");
      }
      if (!s.hasTag(sideTag)) {
        problems.add(where + " is in " + directory(side) + " but not tagged " + sideTag);
      }
      for (String id : s.ruleIds()) {
        var rule = rules.find(id);
        if (rule.isEmpty()) {
          problems.add(where + " names " + id + ", which PROTOCOL.md does not define");
        } else {
          String level = "@" + rule.get().level().name().toLowerCase(Locale.ROOT);
          if (!s.hasTag(level)) {
            problems.add(where + " checks " + id + ", a " + rule.get().level() + " rule, but is not tagged " + level);
          }
          if (rule.get().side() != side) {
            problems.add(where + " checks " + id + ", which binds the " + name(rule.get().side()));
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Where a feature lives says which side it checks. */
  private List<IndexedScenario> scenariosOf(Side side) {
    return index.scenarios().stream()
        .filter(s -> s.feature().startsWith(CLIENT_DIRECTORY) == (side == Side.CLIENT)).toList();
  }

  private static String name(Side side) {
    return side.name().toLowerCase(Locale.ROOT);
  }

  private static String directory(Side side) {
    return side == Side.CLIENT ? "features/" + CLIENT_DIRECTORY : "features/ (outside client/)";
  }
}
