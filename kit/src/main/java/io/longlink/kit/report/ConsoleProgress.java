package io.longlink.kit.report;

import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RuleVerdict;
import java.io.PrintWriter;

/**
 * Prints a rule that failed or was skipped as soon as its last scenario finished, with what was
 * expected and seen (and, verbose, the failed scenario's transcript), and a short line every
 * {@link #EVERY} rules so a long run shows it is going. Passed rules get no line of their own:
 * the summary lists every rule once. Rules finish on many threads; a rule's lines are never
 * interleaved with another's.
 */
public final class ConsoleProgress implements RuleListener {

  static final int EVERY = 10;

  private final PrintWriter out;
  private final boolean verbose;
  private int rules;
  private int finished;
  private int failed;

  public ConsoleProgress(PrintWriter out) {
    this(out, false);
  }

  /** @param verbose whether a failure's lines are followed by its scenario's wire transcript */
  public ConsoleProgress(PrintWriter out, boolean verbose) {
    this.out = out;
    this.verbose = verbose;
  }

  @Override
  public synchronized void runStarted(int scenarios, int rules, int parallelism) {
    this.rules = rules;
    out.println("Running " + scenarios + " scenario" + (scenarios == 1 ? "" : "s") + " for " + rules + " rule"
        + (rules == 1 ? "" : "s") + ", " + (parallelism == 1 ? "one at a time" : parallelism + " at a time") + ".");
    out.flush();
  }

  @Override
  public synchronized void ruleFinished(RuleVerdict verdict) {
    finished++;
    if (verdict.status() != RuleStatus.PASSED) {
      failed += verdict.status() == RuleStatus.FAILED ? 1 : 0;
      out.println(VerdictText.headline(verdict));
      VerdictText.details(verdict).forEach(out::println);
      if (verbose) {
        verdict.firstFailure().flatMap(s -> s.transcriptIfAny()).ifPresent(t -> TranscriptText.lines(t).forEach(out::println));
      }
    } else if (finished % EVERY == 0 && finished < rules) {
      out.println("  … " + finished + " of " + rules + " rules done, " + failed + " failed");
    }
    out.flush();
  }
}
