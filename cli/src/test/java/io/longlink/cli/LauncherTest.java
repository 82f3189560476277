package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./longlink} launcher on a machine without the build's tools: it names
 * every tool it lacks in one line and exits 2, before trying a build. Run on a copy of the script
 * with no jar beside it, and a PATH of only the shell tools it uses.
 */
class LauncherTest {

  private static final Path LAUNCHER = Path.of("..", "longlink");

  @Test
  void aMachineWithoutTheBuildsToolsIsToldWhichInOneLine(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("longlink");
    Files.copy(LAUNCHER, script);
    script.toFile().setExecutable(true);
    Path bin = Files.createDirectory(dir.resolve("bin"));
    for (String tool : List.of("bash", "readlink", "dirname", "find", "sed", "touch", "env", "cat")) {
      link(bin, tool);
    }
    ProcessBuilder builder = new ProcessBuilder(script.toString(), "--version").redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().put("PATH", bin.toString());
    Process run = builder.start();
    assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the launcher did not end within 30 s");
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, run.exitValue(), out);
    assertEquals(1, out.strip().lines().count(), "one line:\n" + out);
    for (String tool : List.of("Maven 3.8+ (mvn)", "a JDK 17+ (java and javac)", "Node.js 18+ (node)", "npm")) {
      assertTrue(out.contains(tool), "names " + tool + ":\n" + out);
    }
    assertTrue(out.contains("java -jar longlink.jar"), out);
  }

  private static void link(Path bin, String tool) throws IOException, InterruptedException {
    Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
    String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0 && !path.isEmpty(), tool + " not found");
    Files.createSymbolicLink(bin.resolve(tool), Path.of(path));
  }
}
