package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.testing.FakeWebSocketServer;
import io.longlink.protocol.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar as people run it: {@code java -jar cli/target/longlink.jar}. */
class ShadedJarIT {

  private static final Path JAR = Path.of("target", "longlink.jar");

  private record Run(int exit, String output) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    return java(false, args);
  }

  /** With {@code onlyJava}, the jar runs with a PATH that holds nothing but the Java runtime: no Maven, no Node. */
  private static Run java(boolean onlyJava, String... args) throws IOException, InterruptedException {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    List<String> command = new ArrayList<>(List.of(javaBin.resolve("java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (onlyJava) {
      builder.environment().clear();
      builder.environment().put("PATH", javaBin.toString());
    }
    builder.environment().put("LONGLINK_JWT_SECRET", Cli.SECRET);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "longlink did not end");
    return new Run(process.exitValue(), output);
  }

  private static String entry(JarFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void servicesOfEveryJarAreMergedAndTheMainClassIsSet() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals("io.longlink.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
      assertTrue(entry(jar, "META-INF/services/org.junit.platform.engine.TestEngine")
          .contains("io.cucumber.junit.platform.engine.CucumberTestEngine"));
      assertTrue(entry(jar, "META-INF/services/io.cucumber.core.backend.BackendProviderService")
          .contains("io.cucumber.java.JavaBackendProviderService"));
      assertTrue(entry(jar, "META-INF/services/io.cucumber.core.backend.ObjectFactory")
          .contains("io.cucumber.picocontainer.PicoFactory"));
    }
  }

  @Test
  void printsItsVersion() throws Exception {
    Run run = java("--version");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("Longlink protocol " + Protocol.VERSION), run.output());
  }

  @Test
  void listsRulesAndDiscoversThePackagedFeatures() throws Exception {
    Run rules = java("rules", "--rules", "LL-HB-3");
    assertEquals(0, rules.exit(), rules.output());
    assertTrue(rules.output().contains("Close silent clients: 4000"), rules.output());
    Run dryRun = java("check", "server", "--dry-run", "--rules", "LL-HB");
    assertEquals(0, dryRun.exit(), dryRun.output());
    assertTrue(dryRun.output().startsWith("Dry run, nothing is sent: "), dryRun.output());
  }

  @Test
  void checksTheEmbeddedServerWithNothingButAJavaRuntime() throws Exception {
    Run run = java(true, "check", "server", "--rules", "LL-HB-2,LL-CHAT-1");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("Result: PASSED (exit 0)"), run.output());
  }

  @Test
  void runsTheEngineAgainstAServer() throws Exception {
    try (FakeWebSocketServer server = FakeWebSocketServer.upgrading()) {
      // A tag no scenario carries: the engine runs, but no real scenario talks to the fake server.
      Run run = java("check", "server", server.url(), "--rules", "LL-HB-3", "--tags", "@no-scenario-has-this-tag");
      assertEquals(0, run.exit(), run.output());
      assertTrue(run.output().contains("Preflight: the server answered the WebSocket handshake and selected longlink.v1, and auth with auth_ok."),
          run.output());
      assertTrue(run.output().contains("Result: PASSED (exit 0)"), run.output());
    }
  }
}
