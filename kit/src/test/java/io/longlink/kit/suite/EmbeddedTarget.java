package io.longlink.kit.suite;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.wire.RunBudget;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Glue for running the features straight from the JUnit Platform (an IDE, or
 * {@link ReferenceServerSuiteIT}): starts the reference server before the first scenario and
 * installs it as the target, as `longlink check server` does.
 */
public final class EmbeddedTarget {

  private static final byte[] JWT_SECRET = "suite-jwt-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SIGNING_SECRET = "suite-signing-secret-0123456789abc".getBytes(StandardCharsets.UTF_8);

  private static LonglinkServer server;

  @BeforeAll
  public static void start() throws Exception {
    server = LonglinkServer.start(ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(JWT_SECRET).signingSecret(SIGNING_SECRET).build());
    KitSettings settings = new KitSettings(server.uri(), new JwtTokenSource(JWT_SECRET, SIGNING_SECRET, null, null),
        Map.of(), false, null, KitSettings.DEFAULT_TIMING_SLACK, 2_000, 200_000, "suite" + System.nanoTime() % 100_000);
    RunBudget.reset(settings.maxConnections(), settings.maxMessages());
    KitSettings.install(settings);
  }

  @AfterAll
  public static void stop() throws Exception {
    server.close();
  }
}
