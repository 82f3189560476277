package io.longlink.server.robustness;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Copies everything written to System.err (where slf4j-simple logs: it looks System.err up on
 * every line unless told to cache it) while a test runs, so that the test can fail on the
 * server's errors and stack traces.
 */
final class LogCapture implements AutoCloseable {

  private static final Pattern TROUBLE = Pattern.compile("ERROR|Exception|\\bError\\b");
  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.<>]+\\(");

  private final PrintStream original;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  LogCapture() {
    this.original = System.err;
    OutputStream tee = new OutputStream() {
      @Override
      public void write(int b) {
        original.write(b);
        synchronized (copy) {
          copy.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        original.write(b, off, len);
        synchronized (copy) {
          copy.write(b, off, len);
        }
      }
    };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  boolean saw(String text) {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8).contains(text);
    }
  }

  /** The captured lines that name an error or an exception; a run of stack frames shows as its count. */
  List<String> trouble() {
    String text;
    synchronized (copy) {
      text = copy.toString(StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>();
    int frames = 0;
    for (String line : text.split("\\R")) {
      if (STACK_FRAME.matcher(line).find()) {
        frames++;
        continue;
      }
      if (frames > 0) {
        lines.add("  (" + frames + " stack frames)");
        frames = 0;
      }
      if (TROUBLE.matcher(line).find()) {
        lines.add(line);
      }
    }
    if (frames > 0) {
      lines.add("  (" + frames + " stack frames)");
    }
    return lines;
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
