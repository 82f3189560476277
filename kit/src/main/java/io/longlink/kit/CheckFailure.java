package io.longlink.kit;

import java.util.Optional;

/**
 * A check of a rule failed: what the rule expected and what the target did. Steps throw it; the
 * reports print it next to the rule's ID and text.
 */
public class CheckFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** For timing rules: what was measured against which bound. */
  public record Timing(long measuredMs, String bound) {
    @Override
    public String toString() {
      return "measured " + measuredMs + " ms, bound " + bound;
    }
  }

  private final String expected;
  private final String actual;
  private final transient Timing timing;

  public CheckFailure(String expected, String actual) {
    this(expected, actual, null);
  }

  public CheckFailure(String expected, String actual, Timing timing) {
    super("expected " + expected + "; saw " + actual + (timing == null ? "" : " (" + timing + ")"));
    this.expected = expected;
    this.actual = actual;
    this.timing = timing;
  }

  /** What the rule requires, e.g. "pong with id p-1 within 1300 ms". */
  public String expected() {
    return expected;
  }

  /** What the target did, e.g. "nothing". */
  public String actual() {
    return actual;
  }

  /** The measurement, for timing rules. */
  public Optional<Timing> timing() {
    return Optional.ofNullable(timing);
  }
}
