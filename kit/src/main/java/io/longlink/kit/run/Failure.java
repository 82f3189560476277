package io.longlink.kit.run;

import io.longlink.kit.CheckFailure;
import io.longlink.kit.settings.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a scenario failed. A {@link CheckFailure} gives what the rule expected and what the target
 * did; any other error (a kit defect, a dropped connection) gives its message and stack trace.
 *
 * @param message one line: "expected ...; saw ..." or the error's class and message
 * @param expected what the rule requires, or null when the failure is not a CheckFailure
 * @param actual what the target did, or null when the failure is not a CheckFailure
 * @param timing the measurement of a timing rule, or null
 * @param detail the stack trace of an error that is not a CheckFailure, or null
 */
public record Failure(String message, String expected, String actual, CheckFailure.Timing timing, String detail) {

  private static final int MAX_TRACE_LINES = 40;

  /** Reads what a step threw, looking through the wrappers Cucumber may put around it. */
  public static Failure of(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof CheckFailure check) {
        return new Failure(check.getMessage(), check.expected(), check.actual(), check.timing().orElse(null), null);
      }
    }
    return new Failure(thrown.toString(), null, null, null, trace(thrown));
  }

  /** This failure with every secret removed: a target may echo a token in what it sends. */
  public Failure redacted(Redactor redactor) {
    return new Failure(redactor.redact(message), redactor.redact(expected), redactor.redact(actual), timing,
        redactor.redact(detail));
  }

  /** Whether the failure says what was expected and what was seen. */
  public boolean isCheckFailure() {
    return expected != null;
  }

  /** The measurement, for timing rules. */
  public Optional<CheckFailure.Timing> timingIfAny() {
    return Optional.ofNullable(timing);
  }

  private static String trace(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    String[] lines = text.toString().split("\\R");
    if (lines.length <= MAX_TRACE_LINES) {
      return String.join("\n", lines);
    }
    return String.join("\n", Arrays.copyOf(lines, MAX_TRACE_LINES))
        + "\n\t... " + (lines.length - MAX_TRACE_LINES) + " more lines";
  }
}
