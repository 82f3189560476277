package io.longlink.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void splitsLikeAShell() {
    assertEquals(List.of("node", "driver.js"), ShellWords.split("  node   driver.js ", "--driver"));
    assertEquals(List.of("java", "-cp", "a b.jar", "Main"), ShellWords.split("java -cp 'a b.jar' Main", "--driver"));
    assertEquals(List.of("say", "it's \"so\""), ShellWords.split("say \"it's \\\"so\\\"\"", "--driver"));
    assertEquals(List.of("a b"), ShellWords.split("a\\ b", "--driver"));
    assertEquals(List.of(""), ShellWords.split("''", "--driver"));
  }
}
