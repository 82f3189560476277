package io.longlink.cli.check;

import io.longlink.cli.UsageException;
import java.util.ArrayList;
import java.util.List;

/** Splits a command line as a POSIX shell would for words: blanks separate, quotes and backslashes group. */
final class ShellWords {

  private ShellWords() {}

  static List<String> split(String line, String option) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new UsageException(option + ": the quote " + quote + " is never closed in '" + line
          + "'; close it, or give the command after -- as separate words");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
