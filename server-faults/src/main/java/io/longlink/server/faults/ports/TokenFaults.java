package io.longlink.server.faults.ports;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.longlink.protocol.CloseCode;
import io.longlink.server.auth.AuthDecision;
import io.longlink.server.auth.TokenVerifier;
import java.text.ParseException;
import java.util.Date;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Token verifiers that let in what the reference server's refuses: a refused token's claims are
 * changed and signed again with the server's own secret, then verified for real, so that only
 * the one check the fault skips is skipped.
 */
public final class TokenFaults implements TokenVerifier {

  private final TokenVerifier verifier;
  private final byte[] secret;
  private final Predicate<AuthDecision> skipped;
  private final UnaryOperator<JWTClaimsSet> change;

  private TokenFaults(TokenVerifier verifier, byte[] secret, Predicate<AuthDecision> skipped,
      UnaryOperator<JWTClaimsSet> change) {
    this.verifier = verifier;
    this.secret = secret.clone();
    this.skipped = skipped;
    this.change = change;
  }

  /** LL-AUTH-5: tokens it cannot verify accepted; one that is not a JWT lets in "anonymous". */
  public static TokenVerifier unverified(TokenVerifier verifier, byte[] secret) {
    return new TokenFaults(verifier, secret, d -> d.refusal() == CloseCode.UNAUTHORIZED, c -> c);
  }

  /** LL-AUTH-6: expired tokens accepted. */
  public static TokenVerifier expiredAccepted(TokenVerifier verifier, byte[] secret) {
    return new TokenFaults(verifier, secret, d -> d.refusal() == CloseCode.TOKEN_EXPIRED,
        c -> new JWTClaimsSet.Builder(c).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
  }

  /** LL-AUTH-7: users without the longlink scope let in. */
  public static TokenVerifier anyScope(TokenVerifier verifier, byte[] secret) {
    return new TokenFaults(verifier, secret, d -> d.refusal() == CloseCode.FORBIDDEN,
        c -> new JWTClaimsSet.Builder(c).claim("scope", "longlink").build());
  }

  @Override
  public AuthDecision verify(String token) {
    AuthDecision decision = verifier.verify(token);
    if (decision.accepted() || !skipped.test(decision)) {
      return decision;
    }
    JWTClaimsSet claims;
    try {
      claims = SignedJWT.parse(token).getJWTClaimsSet();
    } catch (ParseException e) {
      return AuthDecision.accept("anonymous");
    }
    try {
      SignedJWT again = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims));
      again.sign(new MACSigner(secret));
      return verifier.verify(again.serialize());
    } catch (JOSEException e) {
      throw new IllegalStateException("the server's own secret does not sign: " + e.getMessage(), e);
    }
  }
}
