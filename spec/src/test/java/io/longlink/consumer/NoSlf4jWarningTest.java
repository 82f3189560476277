package io.longlink.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A consumer with no logging, in a fresh JVM whose class path is the model's classes (what its jar
 * holds), its runtime dependencies (slf4j-api among them, no provider) and the consumer: SLF4J says
 * nothing on stderr.
 */
class NoSlf4jWarningTest {

  @Test
  void aConsumerWithoutLoggingSeesNoSlf4jLine() throws Exception {
    Run run = consumer();
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.stdout.contains("refused: invalid chat message, not encoded: /sig breaks \"pattern\""), run.toString());
    assertTrue(run.stdout.endsWith("ok\n"), run.toString());
    assertFalse(run.stderr.contains("SLF4J"), run.toString());
  }

  @Test
  void theSameClassPathWarnsWhenSlf4jIsStartedBeforeTheModels() throws Exception {
    // Proves no provider is on the class path and that the test would see the warning.
    Run run = consumer("slf4j-first");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.stderr.contains("SLF4J(W): No SLF4J providers were found."), run.toString());
  }

  @Test
  void aConsumerWithAProviderStillLogsThroughIt() throws Exception {
    String simple = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("slf4j-simple")).findFirst()
        .orElseThrow(() -> new AssertionError("slf4j-simple is a test dependency of longlink-model"));
    Run run = consumer(List.of(simple), "report-factory");
    assertEquals(0, run.exit, run.toString());
    assertTrue(run.stdout.contains("logger factory: org.slf4j.simple.SimpleLoggerFactory"), run.toString());
  }

  private record Run(int exit, String stdout, String stderr) {}

  private static Run consumer(String... args) throws Exception {
    return consumer(List.of(), args);
  }

  private static Run consumer(List<String> extraClassPath, String... args) throws Exception {
    String runtime = Files.readString(Path.of(System.getProperty("longlink.runtime.classpath.file"))).trim();
    assertFalse(runtime.contains("slf4j-simple") || runtime.contains("logback") || runtime.contains("slf4j-nop"),
        "a logging provider among the model's runtime dependencies: " + runtime);
    String classPath = String.join(File.pathSeparator, System.getProperty("longlink.model.classes"),
        classesOf(NoLoggingConsumer.class), runtime);
    for (String entry : extraClassPath) {
      classPath = classPath + File.pathSeparator + entry;
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, NoLoggingConsumer.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    Path out = Files.createTempFile("consumer", ".out");
    Path err = Files.createTempFile("consumer", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the consumer did not end within 60 s");
      }
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The test-classes directory: only the consumer is loaded from it (JUnit is not on this class path). */
  private static String classesOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
