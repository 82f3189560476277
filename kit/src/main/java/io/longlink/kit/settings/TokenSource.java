package io.longlink.kit.settings;

import java.util.List;
import java.util.Optional;

/** Where the kit gets credentials for the users its scenarios play. */
public interface TokenSource {

  /** A valid token for {@code user}. */
  String token(String user);

  /** A token for {@code user} that has expired, when this source can make one. */
  Optional<String> expiredToken(String user);

  /** A valid token for {@code user} whom the target does not allow to connect, when this source can make one. */
  Optional<String> forbiddenToken(String user);

  /** The chat signing key of {@code user}, when this source knows it. */
  Optional<byte[]> signingKey(String user);

  /**
   * Whether every user name gets its own identity. Sources with a fixed set of tokens return
   * false: their scenarios then share users and run one at a time.
   */
  boolean uniqueUsers();

  /** A short description for reports, without secrets: "HS256 JWTs minted from --jwt-secret". */
  String describe();

  /**
   * The user id that plays {@code role} when this source has a fixed user for it (a token given
   * on the command line); empty when the kit picks a fresh user id per scenario.
   */
  default Optional<String> fixedUser(String role) {
    return Optional.empty();
  }

  /**
   * Every secret this source holds, as text, for {@link Redactor}: given tokens, signing keys, the
   * secrets tokens and keys are made from. Tokens it mints are JWTs, which the redactor finds by shape.
   */
  List<String> secrets();
}
