package io.longlink.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of PROTOCOL.md are well formed, unique, and the summary table matches the body. */
class RuleCatalogTest {

  private final RuleCatalog catalog = RuleCatalog.load();

  @Test
  void theDocumentHasNoDefects() {
    assertEquals(List.of(), catalog.defects());
  }

  @Test
  void everyIdIsWellFormedAndUnique() {
    Set<String> seen = new HashSet<>();
    for (Rule rule : catalog.all()) {
      assertTrue(RuleCatalog.ID.matcher(rule.id()).matches(), rule.id());
      assertTrue(seen.add(rule.id()), "duplicate " + rule.id());
    }
    assertTrue(seen.size() >= 90, "PROTOCOL.md v1 defines " + seen.size() + " rules");
  }

  @Test
  void everyRuleTextUsesItsLevelKeyword() {
    for (Rule rule : catalog.all()) {
      assertTrue(rule.text().contains(rule.level().name()), rule.id() + " is " + rule.level() + " but says: " + rule.text());
    }
  }

  @Test
  void everyIdMentionedInTheDocumentExists() {
    String text = io.longlink.spec.ProtocolDocument.load().text();
    var m = java.util.regex.Pattern.compile("\\[(LL-[A-Z]+-[0-9]+)]").matcher(text);
    while (m.find()) {
      assertTrue(catalog.find(m.group(1)).isPresent(), "PROTOCOL.md refers to " + m.group(1) + ", which it does not define");
    }
  }

  @Test
  void rulesKnowTheirSideSectionAndTitle() {
    Rule hb = catalog.find("LL-HB-3").orElseThrow();
    assertEquals(Side.SERVER, hb.side());
    assertEquals(Level.MUST, hb.level());
    assertEquals("Heartbeat", hb.section());
    assertEquals("Close silent clients: 4000", hb.title());
    assertEquals("LL-HB", hb.area());
    assertTrue(hb.text().startsWith("The server MUST close with code 4000"));
  }

  @Test
  void theRulesNoWireCheckCanJudgeCarryTheirReason() {
    assertTrue(catalog.whyNotJudgeable("LL-SHUT-1").orElseThrow().contains("shut down"));
    assertTrue(catalog.whyNotJudgeable("LL-HB-3").isEmpty());
    List<String> defects = RuleCatalog.parse(String.join("\n",
        "## 22. Rules no wire check can judge",
        "| ID | Why |",
        "|---|---|",
        "| LL-ZZ-1 | nobody knows |")).defects();
    assertTrue(defects.contains("LL-ZZ-1 is listed as not judgeable on the wire but not defined in the body"), defects.toString());
  }

  @Test
  void rulesJudgedInPartCarryWhatAReviewerChecks() {
    assertTrue(catalog.find("LL-DLV-12").orElseThrow().checkedInPart().orElseThrow().contains("restart"));
    // One bullet naming two rules, its text running on over the next lines.
    String both = catalog.find("LL-AUTH-6").orElseThrow().checkedInPart().orElseThrow();
    assertEquals(both, catalog.find("LL-AUTH-7").orElseThrow().checkedInPart().orElseThrow());
    assertTrue(both.endsWith("are left to a reviewer."), both);
    assertTrue(catalog.find("LL-HB-3").orElseThrow().checkedInPart().isEmpty());
    List<String> defects = RuleCatalog.parse(String.join("\n",
        "## 22. Rules no wire check can judge",
        "- [LL-ZZ-2]: half of it")).defects();
    assertTrue(defects.contains("LL-ZZ-2 is listed as judged on the wire in part but not defined in the body"),
        defects.toString());
  }

  @Test
  void defectsAreReportedNotSwallowed() {
    String doc = String.join("\n",
        "## 3. Transport",
        "- **[LL-TR-1]** *(client, MUST)* **Offer.** The client MUST offer.",
        "- **[LL-TR-1]** *(client, MUST)* **Offer.** The client MUST offer.",
        "- **[LL-TR-2]** *(server, MUST)* **Select.** The server MUST select.",
        "- **[LL-TR-9] (server, MUST) Broken.** The server MUST.",
        "## 21. Rule summary",
        "| ID | Level | Side | Section | Title |",
        "|---|---|---|---|---|",
        "| LL-TR-1 | MUST | client | Transport | Offer |",
        "| LL-TR-2 | SHOULD | server | Transport | Select |",
        "| LL-TR-3 | MUST | server | Transport | Ghost |");
    List<String> defects = RuleCatalog.parse(doc).defects();
    assertTrue(defects.contains("LL-TR-1 is defined twice in the body"), defects.toString());
    assertTrue(defects.stream().anyMatch(d -> d.startsWith("LL-TR-2: the body says level 'MUST'")), defects.toString());
    assertTrue(defects.contains("LL-TR-3 is in the summary table but not defined in the body"), defects.toString());
    assertTrue(defects.stream().anyMatch(d -> d.startsWith("a rule line does not follow the rule format")), defects.toString());
  }
}
