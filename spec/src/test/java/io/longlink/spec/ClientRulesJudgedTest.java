package io.longlink.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Every client rule can fail a client: DRIVER.md §9 says how the kit judges it, or PROTOCOL.md §22
 * says why no wire check can. The client-side twin of the kit's traceability test.
 */
class ClientRulesJudgedTest {

  private final RuleCatalog rules = RuleCatalog.load();
  private final ProtocolDocument driver = ProtocolDocument.load("DRIVER.md");

  private Set<String> judged() {
    Set<String> ids = new LinkedHashSet<>();
    for (List<String> row : driver.table("## 9. How the kit judges each client rule")) {
      assertTrue(ids.add(row.get(0)), "DRIVER.md §9 lists " + row.get(0) + " twice");
    }
    return ids;
  }

  @Test
  void everyClientRuleIsJudgedOrExplained() {
    Set<String> judged = judged();
    List<String> problems = new ArrayList<>();
    for (Rule rule : rules.forSide(Side.CLIENT)) {
      boolean unjudgeable = rules.whyNotJudgeable(rule.id()).isPresent();
      if (rule.retired()) {
        continue;
      }
      if (!judged.contains(rule.id()) && !unjudgeable) {
        problems.add(rule.id() + " (" + rule.title() + ") has no row in DRIVER.md §9 and no reason in PROTOCOL.md §22");
      }
      if (judged.contains(rule.id()) && unjudgeable) {
        problems.add(rule.id() + " is judged in DRIVER.md §9 but PROTOCOL.md §22 says no wire check can judge it");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theDriverContractJudgesOnlyClientRules() {
    for (String id : judged()) {
      Rule rule = rules.find(id).orElseThrow(() -> new AssertionError("DRIVER.md §9 judges " + id + ", which PROTOCOL.md does not define"));
      assertEquals(Side.CLIENT, rule.side(), "DRIVER.md §9 judges " + id + ", which binds the server");
    }
  }

  @Test
  void everyIdTheDriverContractNamesExists() {
    Matcher m = RuleCatalog.ID.matcher(driver.text());
    while (m.find()) {
      assertTrue(rules.find(m.group()).isPresent(), "DRIVER.md names " + m.group() + ", which PROTOCOL.md does not define");
    }
  }
}
