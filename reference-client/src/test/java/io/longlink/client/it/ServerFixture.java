package io.longlink.client.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** The reference server in process, on loopback with the fast profile, and tokens for it. */
public final class ServerFixture implements AutoCloseable {

  static final byte[] JWT_SECRET = "client-it-jwt-secret-0123456789ab".getBytes(StandardCharsets.UTF_8);

  private LonglinkServer server;
  private final int port;

  private ServerFixture(int port) throws Exception {
    this.server = start(port);
    this.port = server.port();
  }

  /** A server on a free port. */
  public static ServerFixture start() throws Exception {
    return new ServerFixture(0);
  }

  private static LonglinkServer start(int port) throws Exception {
    return LonglinkServer.start(ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(port).jwtSecret(JWT_SECRET)
        .retryAfterMs(300).build());
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + port + "/ws");
  }

  public int port() {
    return port;
  }

  /** Graceful shutdown: goaway and 1001 to every connection (PROTOCOL.md §19). */
  public void stop() throws Exception {
    server.close();
    server = null;
  }

  /** A new server process on the same port: its in-memory history starts empty. */
  public void restart() throws Exception {
    server = start(port);
  }

  public static String user(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String token(String user) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject(user)
          .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("scope", "longlink").build());
      jwt.sign(new MACSigner(JWT_SECRET));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("the reference server did not stop cleanly", e);
      }
    }
  }
}
