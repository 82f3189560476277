package io.longlink.cli.check;

import io.longlink.cli.UsageException;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.server.faults.FaultyServer;
import io.longlink.server.faults.Violation;
import java.util.ArrayList;
import java.security.SecureRandom;
import java.util.List;

/**
 * The reference server `longlink check server` starts when given no URL: the fast profile on a
 * free loopback port, signing on, with secrets made for this run only, so that every rule
 * (signing included) is checked in seconds.
 */
final class EmbeddedServer {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EmbeddedServer() {}

  static Target start(List<String> violations) {
    byte[] jwtSecret = secret();
    byte[] signingSecret = secret();
    ServerConfig.Builder config = ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0)
        .jwtSecret(jwtSecret).signingSecret(signingSecret);
    List<Violation> switches = new ArrayList<>();
    for (String id : violations) {
      switches.add(Violation.forRule(id).orElseThrow(() -> new UsageException("--violate " + id
          + ": the reference server has no switch for that rule; `longlink serve --list-violations` lists them")));
    }
    LonglinkServer server;
    try {
      server = FaultyServer.start(config.build(), switches);
    } catch (Exception e) {
      throw new IllegalStateException("the embedded reference server did not start: " + e.getMessage(), e);
    }
    return new Target(TargetUrl.parse(server.uri().toString()), new JwtTokenSource(jwtSecret, signingSecret, null, null),
        () -> {
          try {
            server.close();
          } catch (Exception e) {
            throw new IllegalStateException("the embedded reference server did not stop cleanly: " + e.getMessage(), e);
          }
        });
  }

  private static byte[] secret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    StringBuilder hex = new StringBuilder();
    for (byte b : bytes) {
      hex.append(String.format("%02x", b));
    }
    return JwtTokenSource.secretBytes(hex.toString());
  }
}
