package io.longlink.server.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.server.LonglinkServer;
import io.longlink.server.config.Profile;
import io.longlink.server.config.ServerConfig;
import io.longlink.signing.ChatSignature;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A reference server on a free loopback port, and tokens for it. */
public final class TestServer implements AutoCloseable {

  public static final byte[] JWT_SECRET = "test-jwt-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  public static final byte[] SIGNING_SECRET = "test-signing-secret-0123456789ab".getBytes(StandardCharsets.UTF_8);

  private final LonglinkServer server;
  private final ServerConfig config;

  private TestServer(ServerConfig config) throws Exception {
    this.config = config;
    this.server = LonglinkServer.start(config);
  }

  /** The fast profile on 127.0.0.1, with whatever else {@code customise} sets. */
  public static TestServer start(UnaryOperator<ServerConfig.Builder> customise) throws Exception {
    return new TestServer(customise.apply(ServerConfig.builder(Profile.FAST).host("127.0.0.1").port(0).jwtSecret(JWT_SECRET))
        .build());
  }

  public static TestServer start() throws Exception {
    return start(b -> b);
  }

  public URI uri() {
    return server.uri();
  }

  public ServerConfig config() {
    return config;
  }

  public LonglinkServer server() {
    return server;
  }

  /** A user id no other test uses. */
  public static String user(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String token(String user) {
    return jwt(user, Instant.now().plus(Duration.ofHours(1)), "longlink");
  }

  public static String expiredToken(String user) {
    return jwt(user, Instant.now().minus(Duration.ofHours(1)), "longlink");
  }

  public static String forbiddenToken(String user) {
    return jwt(user, Instant.now().plus(Duration.ofHours(1)), "profile");
  }

  /** A valid, signed token whose {@code sub} claim is {@code sub} as given: a number, an array, whatever. */
  public static String tokenWithSub(Object sub) {
    return sign(new JWTClaimsSet.Builder().claim("sub", sub)
        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).claim("scope", "longlink").build());
  }

  public static byte[] signingKey(String user) {
    return ChatSignature.hmac(SIGNING_SECRET, "longlink-signing-key:" + user);
  }

  private static String jwt(String user, Instant expiry, String scope) {
    return sign(new JWTClaimsSet.Builder().subject(user).expirationTime(Date.from(expiry)).claim("scope", scope).build());
  }

  private static String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(JWT_SECRET));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
