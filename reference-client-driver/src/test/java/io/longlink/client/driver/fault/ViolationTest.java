package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import io.longlink.schema.MessageCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One switch per client rule that DRIVER.md §9 judges, each naming a real client rule. */
class ViolationTest {

  /** Rules judged in §9 that this client cannot break with a switch, and why. */
  private static final Set<String> NO_SWITCH = Set.of();

  @Test
  void everyRuleTheKitJudgesOnTheWireHasASwitch() throws IOException {
    Set<String> judged = new TreeSet<>();
    try (InputStream in = MessageCatalog.resource("DRIVER.md")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String table = text.substring(text.indexOf("## 9. How the kit judges each client rule"));
      Matcher row = Pattern.compile("(?m)^\\| (LL-[A-Z]+-[0-9]+) \\|").matcher(table);
      while (row.find()) {
        judged.add(row.group(1));
      }
    }
    Set<String> switched = Arrays.stream(Violation.values()).map(Violation::ruleId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(judged);
    missing.removeAll(switched);
    missing.removeAll(NO_SWITCH);
    assertEquals(Set.of(), missing, "rules DRIVER.md §9 judges with no switch in Violation");
    Set<String> extra = new TreeSet<>(switched);
    extra.removeAll(judged);
    assertEquals(Set.of(), extra, "switches for rules DRIVER.md §9 does not judge");
  }

  @Test
  void everySwitchNamesAClientRule() {
    RuleCatalog rules = RuleCatalog.load();
    for (Violation v : Violation.values()) {
      Rule rule = rules.find(v.ruleId()).orElseThrow(() -> new AssertionError(v + " names no rule: " + v.ruleId()));
      assertEquals(Side.CLIENT, rule.side(), v.ruleId() + " is a client rule");
      assertEquals(v, Violation.of(v.ruleId()).orElseThrow());
      assertTrue(v.name().equals(v.ruleId().substring(3).replace('-', '_')), "the constant is named for its rule: " + v);
    }
  }
}
