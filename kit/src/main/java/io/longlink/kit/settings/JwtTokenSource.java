package io.longlink.kit.settings;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.signing.ChatSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Mints HS256 JWTs the way the reference server reads them: {@code sub} is the user id, {@code exp}
 * is honoured, and the {@code scope} claim has to contain {@code longlink} (a token without it
 * belongs to a user who is not allowed in: close 4003). Signing keys, when a signing secret is
 * given, follow the reference server's convention:
 * {@code key(user) = HMAC-SHA256(signing secret, "longlink-signing-key:" + user)}.
 */
public final class JwtTokenSource implements TokenSource {

  /** The scope a token needs for the reference server to let its user in. */
  public static final String SCOPE = "longlink";

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final byte[] secret;
  private final byte[] signingSecret;
  private final String issuer;
  private final String audience;

  /**
   * @param secret the HS256 secret, at least 32 bytes
   * @param signingSecret the secret the target derives chat signing keys from, or null
   * @param issuer the {@code iss} claim to put in tokens, or null for none
   * @param audience the {@code aud} claim to put in tokens, or null for none
   */
  public JwtTokenSource(byte[] secret, byte[] signingSecret, String issuer, String audience) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the JWT secret is " + secret.length
          + " bytes; HS256 needs at least 32 (256 bits)");
    }
    this.secret = secret.clone();
    this.signingSecret = signingSecret == null ? null : signingSecret.clone();
    this.issuer = issuer;
    this.audience = audience;
  }

  @Override
  public String token(String user) {
    Instant now = Instant.now();
    return mint(user, now, now.plus(LIFETIME), SCOPE);
  }

  @Override
  public Optional<String> expiredToken(String user) {
    Instant now = Instant.now();
    return Optional.of(mint(user, now.minus(LIFETIME.multipliedBy(2)), now.minus(LIFETIME), SCOPE));
  }

  @Override
  public Optional<String> forbiddenToken(String user) {
    Instant now = Instant.now();
    return Optional.of(mint(user, now, now.plus(LIFETIME), "profile"));
  }

  @Override
  public Optional<byte[]> signingKey(String user) {
    if (signingSecret == null) {
      return Optional.empty();
    }
    return Optional.of(ChatSignature.hmac(signingSecret, "longlink-signing-key:" + user));
  }

  @Override
  public boolean uniqueUsers() {
    return true;
  }

  @Override
  public String describe() {
    return "HS256 JWTs minted from the JWT secret" + (signingSecret == null ? "" : ", signing keys derived from the signing secret");
  }

  @Override
  public List<String> secrets() {
    List<String> all = new ArrayList<>();
    all.add(new String(secret, StandardCharsets.UTF_8));
    all.addAll(Redactor.textForms(secret));
    if (signingSecret != null) {
      all.add(new String(signingSecret, StandardCharsets.UTF_8));
      all.addAll(Redactor.textForms(signingSecret));
    }
    return all;
  }

  private String mint(String user, Instant issuedAt, Instant expiresAt, String scope) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(user)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(expiresAt))
        .claim("scope", scope);
    if (issuer != null) {
      claims.issuer(issuer);
    }
    if (audience != null) {
      claims.audience(audience);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a JWT: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /** Reads a secret given on the command line or in the environment: its UTF-8 bytes. */
  public static byte[] secretBytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
