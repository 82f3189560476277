package io.longlink.kit.run;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.LauncherDiscoveryListener;

/** Collects what goes wrong while the engine reads the features, so that runs and listings can show it. */
final class DiscoveryProblems implements LauncherDiscoveryListener {

  private final List<String> problems = new ArrayList<>();
  private final List<String> critical = new ArrayList<>();

  @Override
  public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
    if (issue.severity().compareTo(DiscoveryIssue.Severity.WARNING) >= 0) {
      String where = issue.source().map(s -> " (" + s + ")").orElse("");
      String problem = issue.severity() + ": " + issue.message() + where;
      problems.add(problem);
      if (issue.severity() == DiscoveryIssue.Severity.ERROR) {
        critical.add(problem);
      }
    }
  }

  @Override
  public synchronized void engineDiscoveryFinished(UniqueId engineId, EngineDiscoveryResult result) {
    if (result.getStatus() == EngineDiscoveryResult.Status.FAILED) {
      String problem = "the Cucumber engine could not read the features: "
          + result.getThrowable().map(Throwable::toString).orElse("no reason given");
      problems.add(problem);
      critical.add(problem);
    }
  }

  /** Warnings and errors. */
  synchronized List<String> list() {
    return List.copyOf(problems);
  }

  /** The errors: problems that make a run prove nothing. */
  synchronized List<String> critical() {
    return List.copyOf(critical);
  }
}
