package io.longlink.kit.index;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.TableRow;
import io.longlink.rules.RuleCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.commons.support.Resource;

/**
 * The scenarios of a set of feature files and the rule IDs they name, read with the Gherkin
 * parser, without Cucumber's runtime: for traceability checks (every rule has a scenario, every
 * scenario names a rule of the spec).
 */
public final class FeatureIndex {

  private final List<IndexedScenario> scenarios;
  private final List<String> problems;

  private FeatureIndex(List<IndexedScenario> scenarios, List<String> problems) {
    this.scenarios = scenarios.stream()
        .sorted(Comparator.comparing(IndexedScenario::feature).thenComparingInt(IndexedScenario::line)).toList();
    this.problems = List.copyOf(problems);
  }

  /** Every {@code .feature} file under a directory, recursively; features are named by their path relative to it. */
  public static FeatureIndex scan(Path directory) throws IOException {
    Builder builder = new Builder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(p -> p.toString().endsWith(".feature") && Files.isRegularFile(p)).sorted().toList();
    }
    for (Path file : files) {
      builder.add(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
    }
    return builder.build();
  }

  /** Every {@code .feature} file in a classpath package (directories and jars), e.g. {@code features}. */
  public static FeatureIndex classpath(String packageName) {
    Builder builder = new Builder();
    List<Resource> resources = ReflectionSupport.findAllResourcesInPackage(packageName.replace('/', '.'),
        r -> r.getName().endsWith(".feature"));
    for (Resource resource : resources.stream().sorted(Comparator.comparing(Resource::getName)).toList()) {
      try (InputStream in = resource.getInputStream()) {
        builder.add(resource.getName(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource.getUri(), e);
      }
    }
    return builder.build();
  }

  /** One feature given as text. */
  public static FeatureIndex parse(String feature, String text) {
    Builder builder = new Builder();
    builder.add(feature, text.getBytes(StandardCharsets.UTF_8));
    return builder.build();
  }

  /** Every scenario and example row, in feature/line order. */
  public List<IndexedScenario> scenarios() {
    return scenarios;
  }

  /** The scenarios that name this rule. */
  public List<IndexedScenario> scenariosFor(String ruleId) {
    return scenarios.stream().filter(s -> s.ruleIds().contains(ruleId)).toList();
  }

  /** The scenarios per rule ID they name, rule IDs in order of first appearance. */
  public Map<String, List<IndexedScenario>> byRule() {
    Map<String, List<IndexedScenario>> byRule = new LinkedHashMap<>();
    for (IndexedScenario s : scenarios) {
      s.ruleIds().forEach(id -> byRule.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
    }
    return byRule;
  }

  /** Files that did not parse: "features/x.feature: (3:1): expected: ...". */
  public List<String> problems() {
    return problems;
  }

  private static final class Builder {
    private final GherkinParser parser = GherkinParser.builder().includeSource(false).build();
    private final List<IndexedScenario> scenarios = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void add(String feature, byte[] text) {
      List<Envelope> envelopes = parser.parse(feature, text).toList();
      Map<String, Integer> lines = new HashMap<>();
      envelopes.forEach(e -> e.getGherkinDocument().ifPresent(d -> collectLines(d, lines)));
      envelopes.forEach(e -> e.getParseError().ifPresent(p -> problems.add(feature + ": " + p.getMessage())));
      envelopes.forEach(e -> e.getPickle().ifPresent(p -> scenarios.add(scenario(feature, p, lines))));
    }

    FeatureIndex build() {
      return new FeatureIndex(scenarios, problems);
    }

    private static IndexedScenario scenario(String feature, Pickle pickle, Map<String, Integer> lines) {
      List<String> nodes = pickle.getAstNodeIds();
      int scenarioLine = lines.getOrDefault(nodes.get(0), 0);
      int line = lines.getOrDefault(nodes.get(nodes.size() - 1), scenarioLine);
      List<String> tags = pickle.getTags().stream().map(PickleTag::getName).toList();
      List<String> ruleIds = tags.stream().map(t -> t.substring(1))
          .filter(t -> RuleCatalog.ID.matcher(t).matches()).distinct().collect(Collectors.toList());
      return new IndexedScenario(feature, pickle.getName(), line, scenarioLine, Set.copyOf(tags), ruleIds);
    }

    /** Lines of scenarios and example rows by AST node id: pickles point at their nodes by id. */
    private static void collectLines(GherkinDocument document, Map<String, Integer> lines) {
      document.getFeature().ifPresent(feature -> {
        for (FeatureChild child : feature.getChildren()) {
          child.getScenario().ifPresent(s -> collectLines(s, lines));
          child.getRule().ifPresent(rule -> rule.getChildren().stream().map(RuleChild::getScenario)
              .forEach(s -> s.ifPresent(scenario -> collectLines(scenario, lines))));
        }
      });
    }

    private static void collectLines(Scenario scenario, Map<String, Integer> lines) {
      lines.put(scenario.getId(), scenario.getLocation().getLine().intValue());
      for (Examples examples : scenario.getExamples()) {
        for (TableRow row : examples.getTableBody()) {
          lines.put(row.getId(), row.getLocation().getLine().intValue());
        }
      }
    }
  }
}
