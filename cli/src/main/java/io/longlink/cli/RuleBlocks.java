package io.longlink.cli;

import io.longlink.kit.run.ScenarioRef;
import io.longlink.rules.Rule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One block of plain text per rule: ID, level, side, section, title, wrapped text and its scenarios. */
public final class RuleBlocks {

  private static final int WIDTH = 100;
  private static final String INDENT = "    ";

  private RuleBlocks() {}

  /**
   * Prints a rule and the scenarios that check it.
   *
   * @param none what to say when no scenario checks it
   */
  public static void print(PrintWriter out, Rule rule, List<ScenarioRef> scenarios, String none) {
    out.println(rule.id() + "  " + rule.level() + "  " + rule.side().name().toLowerCase(Locale.ROOT) + "  "
        + rule.section() + (rule.retired() ? "  (retired)" : ""));
    out.println("  " + rule.title());
    wrap(rule.text(), WIDTH - INDENT.length()).forEach(line -> out.println(INDENT + line));
    if (scenarios.isEmpty()) {
      out.println("  Scenarios: none; " + none);
    } else {
      out.println("  Scenarios:");
      scenarios.forEach(s -> out.println(INDENT + s));
    }
    out.println();
  }

  /** The words of a text in lines of at most {@code width} characters (longer words stand alone). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
