package io.longlink.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.protocol.CloseCode;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reference server's tokens: HS256 JWTs. {@code sub} is the user id, a JSON string as RFC 7519
 * §4.1.2 says (a number is refused, not turned into a string); {@code exp} and
 * {@code nbf} are honoured with a few seconds of leeway for clock skew; {@code iss} and
 * {@code aud} are checked when configured; the {@code scope} claim (a space-separated string or
 * an array) has to contain {@code longlink}, otherwise the user is not allowed in (4003).
 */
public final class JwtVerifier implements TokenVerifier {

  static final String REQUIRED_SCOPE = "longlink";
  private static final long LEEWAY_MS = 5_000;
  private static final Pattern USER_ID = Pattern.compile("^[!-~]{1,128}$");

  private final MACVerifier verifier;
  private final String issuer;
  private final String audience;
  private final Clock clock;

  public JwtVerifier(byte[] secret, String issuer, String audience, Clock clock) {
    try {
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT secret cannot be used for HS256: " + e.getMessage(), e);
    }
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock;
  }

  @Override
  public AuthDecision verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token is not a JWT");
    }
    // Nimbus turns a numeric sub into a string; the token's own JSON says what the issuer wrote.
    Object sub = jwt.getPayload().toJSONObject().get("sub");
    String user = sub instanceof String s ? s : null;
    // LL-AUTH-5: a token whose signature does not verify lets no one in.
    AuthDecision signature = checkSignature(jwt);
    if (signature != null) {
      return signature;
    }
    if (user == null || !USER_ID.matcher(user).matches()) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, sub == null || sub instanceof String
          ? "the token's sub is missing or not a valid user id (1-128 printable ASCII characters)"
          : "the token's sub is a JSON " + (sub instanceof Number ? "number" : "non-string") + "; it has to be a string");
    }
    // LL-AUTH-6: after the signature and the user (a forged or userless token is 4001 even when expired), before nbf,
    // issuer, audience and scope (a genuine expired token is 4002 whatever else is wrong); LEEWAY_MS allows for clock skew.
    long now = clock.millis();
    Date exp = claims.getExpirationTime();
    // LL-AUTH-6: an expired token is refused with 4002.
    if (exp != null && exp.getTime() + LEEWAY_MS < now) {
      return AuthDecision.refuse(CloseCode.TOKEN_EXPIRED, "the token expired at " + exp.toInstant());
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.getTime() - LEEWAY_MS > now) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token is not valid before " + nbf.toInstant());
    }
    if (issuer != null && !issuer.equals(claims.getIssuer())) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token's issuer is not " + issuer);
    }
    if (audience != null && (claims.getAudience() == null || !claims.getAudience().contains(audience))) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token's audience does not include " + audience);
    }
    // LL-AUTH-7: authenticated is not authorised: without the longlink scope, 4003.
    if (!hasScope(claims)) {
      return AuthDecision.refuse(CloseCode.FORBIDDEN, "the token has no " + REQUIRED_SCOPE + " scope");
    }
    return AuthDecision.accept(user);
  }

  /** LL-AUTH-5: 4001 for a token not signed with HS256 by this server's secret; one that is not a JWT at all is 4001 too. */
  private AuthDecision checkSignature(SignedJWT jwt) {
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token is signed with " + jwt.getHeader().getAlgorithm()
          + ", not HS256");
    }
    try {
      if (!jwt.verify(verifier)) {
        return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token's signature does not verify");
      }
    } catch (JOSEException e) {
      return AuthDecision.refuse(CloseCode.UNAUTHORIZED, "the token's signature cannot be checked: " + e.getMessage());
    }
    return null;
  }

  private static boolean hasScope(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    if (scope instanceof String s) {
      return List.of(s.split(" ")).contains(REQUIRED_SCOPE);
    }
    if (scope instanceof Collection<?> c) {
      return c.contains(REQUIRED_SCOPE);
    }
    return false;
  }
}
