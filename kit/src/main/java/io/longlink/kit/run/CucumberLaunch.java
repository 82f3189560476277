package io.longlink.kit.run;

import io.cucumber.junit.platform.engine.CucumberTestEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * How the runner drives the Cucumber engine through the JUnit Platform Launcher.
 *
 * <p>Scenarios are selected by a post-discovery filter that evaluates
 * {@link RuleSelection#tagExpression()} on their tags, rather than by Cucumber's
 * {@code cucumber.filter.tags}: the latter only skips scenarios at execution time, which would
 * leave every unselected scenario in the plan, reported as skipped, and make discovery list
 * scenarios that would not run.
 */
final class CucumberLaunch {

  private CucumberLaunch() {}

  /** A launcher that knows only Cucumber: other engines on the class path (Jupiter in tests) must not see the selectors. */
  static Launcher launcher() {
    return LauncherFactory.create(LauncherConfig.builder()
        .enableTestEngineAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false)
        .enableLauncherDiscoveryListenerAutoRegistration(false)
        .enablePostDiscoveryFilterAutoRegistration(false)
        .enableTestExecutionListenerAutoRegistration(false)
        .addTestEngines(new CucumberTestEngine())
        .build());
  }

  /**
   * @param selection the rules to run, or null for every scenario
   * @param threads how many scenarios run at once
   */
  static LauncherDiscoveryRequest request(FeatureSource features, String glue, int threads, Map<String, String> extra,
      RuleSelection selection, DiscoveryProblems problems) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(features.selector())
        // Deterministic runs: no junit-platform.properties or system properties steer the engine.
        .enableImplicitConfigurationParameters(false)
        .configurationParameters(parameters(glue, threads, extra))
        .listeners(problems);
    if (selection != null) {
      request.filters(filter(selection));
    }
    return request.build();
  }

  private static PostDiscoveryFilter filter(RuleSelection selection) {
    return descriptor -> {
      if (!descriptor.isTest()) {
        return FilterResult.included("containers stay while they hold selected scenarios");
      }
      List<String> tags = descriptor.getTags().stream().map(t -> "@" + t.getName()).toList();
      return FilterResult.includedIf(selection.matches(tags), () -> "selected",
          () -> "not selected by " + selection.tagExpression());
    };
  }

  private static Map<String, String> parameters(String glue, int threads, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("cucumber.glue", glue);
    parameters.put("cucumber.publish.quiet", "true");
    parameters.put("cucumber.publish.enabled", "false");
    parameters.put("cucumber.ansi-colors.disabled", "true");
    // Examples of an outline are named after their pickle ("Close after 200 ms"), not "Example #1.2".
    parameters.put("cucumber.junit-platform.naming-strategy", "short");
    parameters.put("cucumber.junit-platform.naming-strategy.short.example-name", "pickle");
    parameters.put("cucumber.execution.parallel.enabled", Boolean.toString(threads > 1));
    parameters.put("cucumber.execution.parallel.config.strategy", "fixed");
    parameters.put("cucumber.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
    parameters.put("cucumber.execution.parallel.config.fixed.max-pool-size", Integer.toString(threads));
    parameters.putAll(extra);
    return parameters;
  }
}
