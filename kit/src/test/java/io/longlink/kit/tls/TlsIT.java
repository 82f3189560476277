package io.longlink.kit.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.preflight.Preflight;
import io.longlink.kit.run.ConformanceRunner;
import io.longlink.kit.run.RuleListener;
import io.longlink.kit.run.RuleSelection;
import io.longlink.kit.run.RuleStatus;
import io.longlink.kit.run.RunReport;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wss:// end to end: the reference server on a self-signed certificate, the kit trusting it through
 * {@code --ca-file}, refusing it without, and accepting anything with {@code --insecure}; raw
 * frames and never-ending upgrade requests travel over TLS too.
 */
class TlsIT {

  private static final byte[] SECRET = "tls-it-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final String PASSWORD = "tls-it-password";
  private static final List<String> RULES = List.of("LL-TR-2", "LL-HB-2", "LL-ERR-2", "LL-LIM-9");

  @TempDir
  static Path dir;
  static Path keystore;
  static Path certificate;

  @BeforeAll
  static void makeACertificate() throws Exception {
    keystore = dir.resolve("server.p12");
    certificate = dir.resolve("server.pem");
    keytool("-genkeypair", "-alias", "longlink", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "longlink", "-keystore", keystore.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
  }

  private static void keytool(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool finished");
    assertEquals(0, p.exitValue(), output);
  }

  /**
   * The upgrade deadline (LL-LIM-9) counts from the accept, TLS handshake included, and the first
   * handshakes of a cold JVM on a busy machine can take longer than the fast profile's 1 s.
   */
  private static final long AUTH_TIMEOUT_MS = 3_000;

  private static LonglinkServer start(Violation... violations) throws Exception {
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(SECRET)
        .tls(keystore, PASSWORD).set(SessionParameter.AUTH_TIMEOUT_MS, AUTH_TIMEOUT_MS);
    return FaultyServer.start(config.build(), java.util.List.of(violations));
  }

  private static KitSettings settings(LonglinkServer server, boolean insecure, Path caFile) {
    return new KitSettings(server.uri(), new JwtTokenSource(SECRET, null, null, null), Map.of(), insecure, caFile,
        KitSettings.DEFAULT_TIMING_SLACK, 100, 1_000, "tls" + System.nanoTime() % 100_000);
  }

  private static RunReport check(KitSettings settings) {
    return check(settings, RULES);
  }

  private static RunReport check(KitSettings settings, List<String> rules) {
    ConformanceRunner runner = ConformanceRunner.builder().build();
    return runner.run(settings, RuleSelection.of(runner.catalog(), rules, null, false), RuleListener.NONE);
  }

  @Test
  void theKitChecksAWssServerWhoseCertificateItIsGiven() throws Exception {
    try (LonglinkServer server = start()) {
      assertTrue(server.uri().toString().startsWith("wss://127.0.0.1:"), server.uri().toString());
      RunReport report = check(settings(server, false, certificate));
      for (String rule : RULES) {
        assertEquals(RuleStatus.PASSED, report.verdict(rule).orElseThrow().status(), rule + ": " + report.verdict(rule));
      }
    }
  }

  /** A slow upgrade that went out in plain text would be closed by the TLS layer at once and pass for the wrong reason. */
  @Test
  void aNeverEndingUpgradeOverTlsReachesTheHttpLayer() throws Exception {
    try (LonglinkServer server = start(Violation.LIM_9)) {
      RunReport report = check(settings(server, false, certificate), List.of("LL-LIM-9"));
      assertEquals(RuleStatus.FAILED, report.verdict("LL-LIM-9").orElseThrow().status(),
          "against a server without an upgrade deadline: " + report.verdict("LL-LIM-9"));
    }
  }

  @Test
  void anUntrustedCertificateIsRefusedUnlessInsecure() throws Exception {
    try (LonglinkServer server = start()) {
      assertTrue(!Preflight.probe(settings(server, false, null), Duration.ofSeconds(5)).reachable(),
          "a self-signed certificate is not trusted by default");
      assertTrue(Preflight.probe(settings(server, true, null), Duration.ofSeconds(5)).reachable(), "--insecure trusts it");
    }
  }
}
