package io.longlink.kit.index;

import java.util.List;
import java.util.Set;

/**
 * One scenario of a feature file as Gherkin reads it: a plain scenario, or one example row of a
 * Scenario Outline.
 *
 * @param feature the feature's path or classpath resource name, as given to the index
 * @param name the scenario's name; for an example, the outline's name with the row's values
 * @param line the line of the scenario, or of the example row
 * @param scenarioLine the line of the Scenario (Outline) keyword; equals {@code line} for plain scenarios
 * @param tags every tag that applies, with the {@code @}: the feature's, the rule's, the scenario's
 *     and, for an example, its Examples block's
 * @param ruleIds the tags that are rule IDs ({@code LL-HB-3}, without the {@code @}), in tag order
 */
public record IndexedScenario(String feature, String name, int line, int scenarioLine, Set<String> tags, List<String> ruleIds) {

  public IndexedScenario {
    tags = Set.copyOf(tags);
    ruleIds = List.copyOf(ruleIds);
  }

  /** Whether this is an example row of a Scenario Outline. */
  public boolean isExample() {
    return line != scenarioLine;
  }

  /** Whether it carries this tag, written with the {@code @}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /** {@code features/heartbeat.feature:12}. */
  public String location() {
    return feature + ":" + line;
  }
}
