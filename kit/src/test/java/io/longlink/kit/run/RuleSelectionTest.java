package io.longlink.kit.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.rules.Level;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

  private static final RuleCatalog CATALOG = RuleCatalog.load();

  private static List<String> ids(RuleSelection selection) {
    return selection.rules().stream().map(Rule::id).toList();
  }

  @Test
  void byDefaultEveryMustRuleOfTheServer() {
    List<String> expected = CATALOG.forSide(Side.SERVER).stream().filter(r -> r.level() == Level.MUST).map(Rule::id).toList();
    assertEquals(expected, ids(RuleSelection.defaults(CATALOG)));
  }

  @Test
  void strictAddsTheShouldRules() {
    List<String> expected = CATALOG.forSide(Side.SERVER).stream().filter(r -> r.level() != Level.MAY).map(Rule::id).toList();
    List<String> strict = ids(RuleSelection.of(CATALOG, List.of(), null, true));
    assertEquals(expected, strict);
    assertTrue(strict.contains("LL-AUTH-12"));
  }

  @Test
  void idsAndAreasCombineAndAreasKeepTheirMustServerRules() {
    RuleSelection selection = RuleSelection.of(CATALOG, List.of("ll-hb, LL-DD-1", "LL-TR-2"), null, false);
    assertEquals(List.of("LL-TR-2", "LL-HB-2", "LL-HB-3", "LL-HB-4", "LL-DD-1"), ids(selection));
    assertEquals(List.of("LL-HB", "LL-DD-1", "LL-TR-2"), selection.references());
  }

  @Test
  void aShouldRuleNamedByItsIdIsSelectedWithoutStrict() {
    assertEquals(List.of("LL-AUTH-12"), ids(RuleSelection.of(CATALOG, List.of("LL-AUTH-12"), null, false)));
  }

  @Test
  void anAreaWithOnlyShouldServerRulesNeedsStrict() {
    assertEquals(List.of("LL-SHUT-3"), ids(RuleSelection.of(CATALOG, List.of("LL-SHUT"), null, false)));
    assertEquals(List.of("LL-SHUT-1", "LL-SHUT-2", "LL-SHUT-3", "LL-SHUT-4"), ids(RuleSelection.of(CATALOG, List.of("LL-SHUT"), null, true)));
  }

  private static String lastRuleOf(String area) {
    return CATALOG.all().stream().map(r -> r.id()).filter(id -> id.startsWith(area + "-"))
        .max(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(area.length() + 1)))).orElseThrow();
  }

  @Test
  void unknownIdsAreRejectedNamingTheValueAndHowToListRules() {
    SelectionException e = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of("LL-HB-99"), null, false));
    assertEquals("--rules", e.parameter());
    assertAll(
        () -> assertTrue(e.getMessage().contains("LL-HB-99 is not a rule of PROTOCOL.md"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("LL-HB-1 to " + lastRuleOf("LL-HB")), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("longlink rules"), e.getMessage()));
  }

  @Test
  void unknownAreasAreRejectedListingTheAreas() {
    SelectionException e = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of("LL-XYZ"), null, false));
    assertTrue(e.getMessage().contains("LL-XYZ is not an area"), e.getMessage());
    assertTrue(e.getMessage().contains("LL-HB"), e.getMessage());
  }

  @Test
  void malformedReferencesAreRejected() {
    SelectionException e = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of("HB-3"), null, false));
    assertTrue(e.getMessage().contains("'HB-3' is neither a rule ID"), e.getMessage());
  }

  @Test
  void clientRulesCannotBeCheckedOnAServer() {
    SelectionException rule = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of("LL-HB-1"), null, false));
    assertTrue(rule.getMessage().contains("LL-HB-1 binds the client"), rule.getMessage());
    SelectionException area = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of("LL-RC"), null, false));
    assertTrue(area.getMessage().contains("LL-RC has no server rules"), area.getMessage());
  }

  @Test
  void aClientCheckSelectsClientRulesOnly() {
    RuleSelection client = RuleSelection.defaults(CATALOG, Side.CLIENT);
    assertTrue(client.rules().stream().allMatch(r -> r.side() == Side.CLIENT && r.level() == Level.MUST), client.describe());
    assertTrue(client.tagExpression().startsWith("@client and ("), client.tagExpression());
    assertTrue(client.describe().startsWith("MUST client rules"), client.describe());
    SelectionException server = assertThrows(SelectionException.class,
        () -> RuleSelection.of(CATALOG, Side.CLIENT, List.of("LL-HB-3"), null, false));
    assertTrue(server.getMessage().contains("LL-HB-3 binds the server; `longlink check client` checks client rules only"),
        server.getMessage());
    assertEquals(List.of("LL-HB-6"), ids(RuleSelection.of(CATALOG, Side.CLIENT, List.of("LL-HB-6"), null, false)));
  }

  @Test
  void badTagExpressionsAreRejectedNamingTags() {
    SelectionException e = assertThrows(SelectionException.class, () -> RuleSelection.of(CATALOG, List.of(), "@a and (", false));
    assertEquals("--tags", e.parameter());
    assertTrue(e.getMessage().startsWith("--tags: '@a and (' is not a Cucumber tag expression"), e.getMessage());
  }

  @Test
  void theTagExpressionRequiresTheSideASelectedRuleAndTheUserTags() {
    RuleSelection selection = RuleSelection.of(CATALOG, List.of("LL-HB-2,LL-HB-3"), "not @slow", false);
    assertEquals("@server and (@LL-HB-2 or @LL-HB-3) and (not @slow)", selection.tagExpression());
    assertAll(
        () -> assertTrue(selection.matches(Set.of("@server", "@must", "@LL-HB-3"))),
        () -> assertFalse(selection.matches(Set.of("@server", "@must", "@LL-HB-3", "@slow"))),
        () -> assertFalse(selection.matches(Set.of("@server", "@must", "@LL-HB-4"))),
        () -> assertFalse(selection.matches(Set.of("@client", "@must", "@LL-HB-3"))));
  }

  @Test
  void describesItself() {
    assertEquals("MUST server rules in LL-HB, scenarios matching @fast (3 rules)",
        RuleSelection.of(CATALOG, List.of("LL-HB"), "@fast", false).describe());
    assertEquals("MUST and SHOULD server rules in LL-HB-2, LL-AUTH-12 (2 rules)",
        RuleSelection.of(CATALOG, List.of("LL-HB-2,LL-AUTH-12"), null, false).describe());
    assertEquals("MUST and SHOULD server rules (" + RuleSelection.of(CATALOG, List.of(), null, true).rules().size() + " rules)",
        RuleSelection.of(CATALOG, List.of(), null, true).describe());
  }
}
