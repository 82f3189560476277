package io.longlink.kit.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios a run would execute, found without running anything.
 *
 * @param scenarios every scenario (every example row of an outline), in feature/line order
 * @param problems what the engine reported while reading the features (e.g. a feature that does
 *     not parse); empty when all is well
 */
public record Discovery(List<ScenarioRef> scenarios, List<String> problems) {

  public Discovery {
    scenarios = scenarios.stream().sorted((a, b) -> a.location().compareTo(b.location())).toList();
    problems = List.copyOf(problems);
  }

  /** The scenarios that name this rule. */
  public List<ScenarioRef> scenariosFor(String ruleId) {
    return scenarios.stream().filter(s -> s.ruleIds().contains(ruleId)).toList();
  }

  /** Every rule ID some scenario names. */
  public Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    scenarios.forEach(s -> ids.addAll(s.ruleIds()));
    return ids;
  }
}
