package io.longlink.cli;

import io.longlink.kit.run.ConformanceRunner;
import io.longlink.rules.RuleCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What commands take from their surroundings, so that tests can give their own: the environment
 * (secrets are read from it), the rules, and how runners are made (tests point them at fixture
 * features and glue).
 *
 * @param environment the environment variables
 * @param catalog the rules of PROTOCOL.md
 * @param runners makes a runner builder with the features and glue to use
 */
public record CliContext(Map<String, String> environment, RuleCatalog catalog, Supplier<ConformanceRunner.Builder> runners) {

  public CliContext {
    environment = Map.copyOf(environment);
  }

  /** The real environment, the packaged spec and the kit's own features. */
  public static CliContext system() {
    return new CliContext(System.getenv(), RuleCatalog.load(), ConformanceRunner::builder);
  }

  /** A variable of the environment, unless unset or blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
  }

  /** A runner builder for this context's rules. */
  public ConformanceRunner.Builder runner() {
    return runners.get().catalog(catalog);
  }
}
