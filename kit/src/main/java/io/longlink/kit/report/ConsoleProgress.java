package io.longlink.kit.report;

import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleVerdict;
import java.io.PrintWriter;

/**
 * Prints one line per rule as soon as its last scenario finished, with what was expected and
 * seen when it failed. Rules finish on many threads; a rule's lines are never interleaved with
 * another's.
 */
public final class ConsoleProgress implements RuleListener {

  private final PrintWriter out;

  public ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void runStarted(int scenarios, int rules, int parallelism) {
    out.println("Running " + scenarios + " scenario" + (scenarios == 1 ? "" : "s") + " for " + rules + " rule"
        + (rules == 1 ? "" : "s") + ", " + (parallelism == 1 ? "one at a time" : parallelism + " at a time") + ".");
    out.flush();
  }

  @Override
  public synchronized void ruleFinished(RuleVerdict verdict) {
    out.println(VerdictText.headline(verdict));
    VerdictText.details(verdict).forEach(out::println);
    out.flush();
  }
}
