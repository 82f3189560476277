package io.longlink.kit.run;

import io.longlink.rules.RuleCatalog;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestIdentifier;

/**
 * One scenario the Cucumber engine discovered (for an outline: one example row).
 *
 * @param name the scenario's name (for an example, the outline's name with the row's values)
 * @param location its feature file and line
 * @param tags its Gherkin tags, with the {@code @}, including those inherited from feature and examples
 * @param ruleIds the rule IDs among its tags, in tag order
 */
public record ScenarioRef(String name, ScenarioLocation location, Set<String> tags, List<String> ruleIds) {

  public ScenarioRef {
    tags = Set.copyOf(tags);
    ruleIds = List.copyOf(ruleIds);
  }

  /** Reads a scenario of a JUnit test plan; the Cucumber engine drops the {@code @} of tags. */
  static ScenarioRef of(TestIdentifier test) {
    List<String> names = test.getTags().stream().map(TestTag::getName).collect(Collectors.toList());
    List<String> ruleIds = names.stream().filter(n -> RuleCatalog.ID.matcher(n).matches()).collect(Collectors.toList());
    Set<String> tags = names.stream().map(n -> "@" + n).collect(Collectors.toSet());
    return new ScenarioRef(test.getDisplayName(), ScenarioLocation.of(test.getSource()), tags, ruleIds);
  }

  /** {@code Answer a ping (features/heartbeat.feature:12)}. */
  @Override
  public String toString() {
    return name + " (" + location + ")";
  }
}
