package io.longlink.kit.run;

import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.wire.RunBudget;
import io.longlink.kit.wire.ScenarioDeadline;
import io.longlink.kit.settings.Redactor;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.DiscoveryIssueException;

/**
 * Runs the Cucumber features against a target through the JUnit Platform Launcher and turns the
 * scenarios' outcomes into a verdict per rule.
 *
 * <p>Each run and discovery goes through a fresh JUnit Platform Launcher that knows only the
 * Cucumber engine; see {@link CucumberLaunch} for how it is configured and how scenarios are selected.
 */
public final class ConformanceRunner {

  /** The package of the kit's step definitions for server checks. */
  public static final String DEFAULT_GLUE = "io.longlink.kit.steps";
  /**
   * The package of the step definitions for client checks: a package of its own, so that a client
   * step can never match a server scenario's wording, nor the other way round.
   */
  public static final String CLIENT_GLUE = "io.longlink.kit.client.steps";
  /** Scenarios mostly wait on timers, so several run at once. */
  public static final int DEFAULT_PARALLELISM = 8;
  /**
   * A run's deadline, unless one is given, is this many times what its scenarios take at most by
   * their own deadlines ({@link ScenarioDeadline#BASE} and four slacks each, as many at once as
   * the parallelism allows), and a minute more: a safety net for a step that waits on something
   * its scenario's deadline does not end, so that a run always ends with verdicts and reports.
   */
  static final int RUN_DEADLINE_FACTOR = 3;

  private final RuleCatalog catalog;
  private final FeatureSource features;
  private final String glue;
  private final int parallelism;
  private final Map<String, String> extraParameters;
  private final Duration runDeadline;
  private final Path messages;

  private ConformanceRunner(Builder builder) {
    this.catalog = builder.catalog == null ? RuleCatalog.load() : builder.catalog;
    this.features = builder.features;
    this.glue = builder.glue;
    this.parallelism = builder.parallelism;
    this.extraParameters = Map.copyOf(builder.extraParameters);
    this.runDeadline = builder.runDeadline;
    this.messages = builder.messages;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rules this runner reports on. */
  public RuleCatalog catalog() {
    return catalog;
  }

  /** Where this runner reads its features. */
  public FeatureSource features() {
    return features;
  }

  /**
   * Runs the selected scenarios against the target of {@code settings}, which it installs first,
   * with a fresh count against its caps ({@code --max-connections}, {@code --max-messages}).
   * Sources of tokens that share users across scenarios ({@code uniqueUsers() == false}) run one
   * scenario at a time.
   */
  public RunReport run(KitSettings settings, RuleSelection selection, RuleListener listener) {
    int effectiveParallelism = settings.tokens().uniqueUsers() ? parallelism : 1;
    DiscoveryProblems problems = new DiscoveryProblems();
    Discovery everything = discovery(null, problems);
    List<String> errors = new ArrayList<>(problems.critical());
    KitSettings.install(settings);
    RunBudget.reset(settings.maxConnections(), settings.maxMessages());
    ResultCollector collector = new ResultCollector(selection.rules(), StandingRules.of(selection.side()),
        effectiveParallelism, listener, redactor(settings));
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    Duration deadline = runDeadline != null ? runDeadline
        : deadlineFor(everything.scenarios().size(), effectiveParallelism, settings.timingSlack());
    AtomicReference<String> discoveryIssue = new AtomicReference<>();
    MessageStream stream = messages == null ? null : new MessageStream(messages);
    Map<String, String> parameters = new LinkedHashMap<>(extraParameters);
    if (stream != null) {
      parameters.merge("cucumber.plugin", stream.plugin(), (given, ours) -> given + "," + ours);
    }
    Thread engine = new Thread(() -> {
      try {
        // The same features again: their problems are known already.
        launcher().execute(CucumberLaunch.request(features, glueFor(selection), effectiveParallelism, parameters,
            selection, new DiscoveryProblems()), collector);
      } catch (DiscoveryIssueException e) {
        discoveryIssue.set(e.getMessage().strip());
      }
    }, "conformance-run");
    engine.setDaemon(true);
    engine.start();
    try {
      engine.join(deadline.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (engine.isAlive()) {
      // Abandoned first: a step the interrupt wakes must not finish its scenario as passed.
      collector.abandon("the run passed its deadline of " + deadline.toSeconds() + " s (" + RUN_DEADLINE_FACTOR
          + " times what its scenarios' own deadlines allow); the scenarios still running were stopped");
      engine.interrupt();
    }
    if (discoveryIssue.get() != null && errors.isEmpty()) {
      errors.add(discoveryIssue.get());
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    if (stream != null) {
      stream.finish(redactor(settings));
    }

    Map<String, RuleVerdict> ran = collector.verdicts();
    List<RuleVerdict> verdicts = new ArrayList<>();
    for (Rule rule : catalog.all()) {
      RuleVerdict verdict = ran.get(rule.id());
      if (verdict == null) {
        boolean uncovered = rule.side() == selection.side() && !rule.retired()
            && everything.scenariosFor(rule.id()).isEmpty();
        verdict = RuleVerdict.withoutScenarios(rule, uncovered ? RuleStatus.NOT_COVERED : RuleStatus.NOT_SELECTED);
      }
      verdicts.add(verdict);
    }
    errors.addAll(collector.errors());
    return new RunReport(settings, selection, effectiveParallelism, started, duration, verdicts, errors,
        collector.driverErrors());
  }

  static Duration deadlineFor(int scenarios, int parallelism, Duration slack) {
    long rounds = (scenarios + parallelism - 1L) / Math.max(1, parallelism);
    Duration perScenario = ScenarioDeadline.BASE.plus(slack.multipliedBy(4));
    return perScenario.multipliedBy(Math.max(1, rounds) * RUN_DEADLINE_FACTOR).plusMinutes(1);
  }

  /** Tokens, keys and extra handshake headers (a gateway's API key) never reach a report. */
  private static Redactor redactor(KitSettings settings) {
    List<String> secrets = new ArrayList<>(settings.tokens().secrets());
    secrets.addAll(settings.headers().values());
    return Redactor.of(secrets);
  }

  /** The scenarios a run with this selection would execute, without executing anything. */
  public Discovery discover(RuleSelection selection) {
    return discovery(Objects.requireNonNull(selection), new DiscoveryProblems());
  }

  /** Every scenario of the features, whatever it checks. */
  public Discovery discoverAll() {
    return discovery(null, new DiscoveryProblems());
  }

  /**
   * The JUnit Platform refuses to discover anything when an engine reports a critical issue
   * (a feature that does not parse): the problems then stand alone.
   */
  private Discovery discovery(RuleSelection selection, DiscoveryProblems problems) {
    try {
      TestPlan plan = launcher().discover(request(selection, parallelism, problems));
      return new Discovery(TestPlans.scenarios(plan), problems.list());
    } catch (DiscoveryIssueException e) {
      List<String> all = problems.list().isEmpty() ? List.of(e.getMessage().strip()) : problems.list();
      return new Discovery(List.of(), all);
    }
  }

  private LauncherDiscoveryRequest request(RuleSelection selection, int threads, DiscoveryProblems problems) {
    return CucumberLaunch.request(features, glueFor(selection), threads, extraParameters, selection, problems);
  }

  /** The glue given to the builder, else the kit's glue of the side checked. */
  private String glueFor(RuleSelection selection) {
    if (glue != null) {
      return glue;
    }
    return selection != null && selection.side() == Side.CLIENT ? CLIENT_GLUE : DEFAULT_GLUE;
  }

  private static Launcher launcher() {
    return CucumberLaunch.launcher();
  }

  /** Configures a runner; every setting has a default that runs the kit's own features. */
  public static final class Builder {
    private RuleCatalog catalog;
    private FeatureSource features = FeatureSource.packaged();
    private String glue;
    private int parallelism = DEFAULT_PARALLELISM;
    private final Map<String, String> extraParameters = new LinkedHashMap<>();
    private Duration runDeadline;
    private Path messages;

    private Builder() {}

    /** The rules to report on; default the packaged PROTOCOL.md. */
    public Builder catalog(RuleCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog);
      return this;
    }

    /** Where the features are; default {@link FeatureSource#packaged()}. */
    public Builder features(FeatureSource features) {
      this.features = Objects.requireNonNull(features);
      return this;
    }

    /** The package of the step definitions; default {@link #DEFAULT_GLUE} or {@link #CLIENT_GLUE} by the side checked. */
    public Builder glue(String glue) {
      this.glue = Objects.requireNonNull(glue);
      return this;
    }

    /** How many scenarios run at once, 1 or more; default {@link #DEFAULT_PARALLELISM}. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism is " + parallelism + "; it must be 1 or more");
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * How long a run may take before its unfinished scenarios fail and it ends; default {@link
     * #RUN_DEADLINE_FACTOR} times what the scenarios' own deadlines allow.
     */
    public Builder runDeadline(Duration deadline) {
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("the run deadline is " + deadline + "; it must be positive");
      }
      this.runDeadline = deadline;
      return this;
    }

    /**
     * Also writes Cucumber's message stream of each run to {@code file} (NDJSON), secrets redacted,
     * for the Cucumber HTML formatter, Allure and other reporters of that standard format.
     */
    public Builder messages(Path file) {
      this.messages = Objects.requireNonNull(file);
      return this;
    }

    /** A further JUnit Platform or Cucumber configuration parameter, e.g. {@code cucumber.plugin} while debugging. */
    public Builder configurationParameter(String key, String value) {
      extraParameters.put(key, value);
      return this;
    }

    public ConformanceRunner build() {
      return new ConformanceRunner(this);
    }
  }
}
