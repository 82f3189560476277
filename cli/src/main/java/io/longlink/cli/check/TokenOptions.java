package io.longlink.cli.check;

import io.longlink.cli.CliContext;
import io.longlink.cli.UsageException;
import io.longlink.kit.settings.JwtTokenSource;
import io.longlink.kit.settings.RefusedTokens;
import io.longlink.kit.settings.TokenSource;
import io.longlink.kit.settings.FixedTokenSource;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the kit's tokens come from. Secrets can come from the environment, to stay out of shell history. */
final class TokenOptions {

  static final String JWT_SECRET_VARIABLE = "LONGLINK_JWT_SECRET";
  static final String SIGNING_SECRET_VARIABLE = "LONGLINK_SIGNING_SECRET";

  @Option(names = "--jwt-secret", paramLabel = "SECRET",
      description = "The HS256 secret the server verifies tokens with, at least 32 bytes. Better: set "
          + JWT_SECRET_VARIABLE + ", which stays out of shell history.")
  private String jwtSecret;

  @Option(names = "--jwt-issuer", paramLabel = "ISS", description = "The iss claim of the kit's tokens, if the server checks it.")
  private String issuer;

  @Option(names = "--jwt-audience", paramLabel = "AUD", description = "The aud claim of the kit's tokens, if the server checks it.")
  private String audience;

  @Option(names = "--signing-secret", paramLabel = "SECRET",
      description = "The secret the server derives chat signing keys from, if it signs chats. Better: set "
          + SIGNING_SECRET_VARIABLE + ".")
  private String signingSecret;

  @Option(names = "--token", paramLabel = "ROLE=TOKEN",
      description = "A token the server accepts, for servers whose tokens the kit cannot mint: give one for each of "
          + "alice, bob and carol (three different users), and optionally expired=... and forbidden=...; scenarios then "
          + "run one at a time. With a JWT secret, only expired=... and forbidden=... (an expired token, a token of a user "
          + "the server does not let in), which replace the minted ones.")
  private Map<String, String> fixedTokens = new LinkedHashMap<>();

  @Option(names = "--signing-key", paramLabel = "ROLE=KEY",
      description = "With --token, the chat signing key (base64url) of alice, bob or carol, if the server signs chats.")
  private Map<String, String> signingKeys = new LinkedHashMap<>();

  @Option(names = "--jwt-forbidden", paramLabel = "MODE", defaultValue = "scope",
      description = "How the kit makes the token of a user who is not allowed in (LL-AUTH-7): scope (default), the "
          + "reference server's convention, a JWT whose scope claim lacks longlink; none, for a server that forbids users "
          + "some other way: LL-AUTH-7 is then skipped unless --token forbidden=... gives such a token.")
  private String forbiddenMode;

  /** Tokens given with --token, or minted with the JWT secret of the options or the environment. */
  TokenSource tokens(CliContext context) {
    String secret = jwtSecret != null ? jwtSecret : context.variable(JWT_SECRET_VARIABLE).orElse(null);
    if (!forbiddenMode.equals("scope") && !forbiddenMode.equals("none")) {
      throw new UsageException("--jwt-forbidden is " + forbiddenMode + "; use scope (a JWT without the longlink scope) "
          + "or none (the kit makes no such token)");
    }
    boolean onlyRefused = fixedTokens.keySet().stream()
        .allMatch(r -> r.equals(FixedTokenSource.EXPIRED) || r.equals(FixedTokenSource.FORBIDDEN));
    if (!fixedTokens.isEmpty() && !(onlyRefused && secret != null)) {
      if (jwtSecret != null) {
        throw new UsageException("--token " + String.join(", ", fixedTokens.keySet()) + " and --jwt-secret both say where "
            + "tokens come from; give one of them (with a JWT secret, --token takes only expired=... and forbidden=...)");
      }
      return fixed();
    }
    if (!signingKeys.isEmpty()) {
      throw new UsageException("--signing-key goes with --token; with a JWT secret, give --signing-secret instead");
    }
    if (secret == null) {
      throw new UsageException("no way to make tokens for the server: set " + JWT_SECRET_VARIABLE
          + " to the HS256 secret the server verifies its JWTs with (preferred: it stays out of shell history), or give "
          + "--jwt-secret SECRET; add --jwt-issuer and --jwt-audience if the server checks iss and aud. A server with "
          + "other tokens: give --token alice=... --token bob=... --token carol=...");
    }
    String signing = signingSecret != null ? signingSecret : context.variable(SIGNING_SECRET_VARIABLE).orElse(null);
    try {
      TokenSource minted = new JwtTokenSource(JwtTokenSource.secretBytes(secret),
          signing == null ? null : JwtTokenSource.secretBytes(signing), issuer, audience);
      return new RefusedTokens(minted, fixedTokens.get(FixedTokenSource.EXPIRED), fixedTokens.get(FixedTokenSource.FORBIDDEN),
          forbiddenMode.equals("scope"));
    } catch (IllegalArgumentException e) {
      throw new UsageException((jwtSecret != null ? "--jwt-secret" : JWT_SECRET_VARIABLE) + ": " + e.getMessage()
          + "; give the server's secret, which for HS256 is at least 32 characters", e);
    }
  }

  private TokenSource fixed() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    signingKeys.forEach((role, key) -> {
      try {
        keys.put(role, FixedTokenSource.key(key));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--signing-key " + role + "=...: " + e.getMessage(), e);
      }
    });
    try {
      return new FixedTokenSource(fixedTokens, keys);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
