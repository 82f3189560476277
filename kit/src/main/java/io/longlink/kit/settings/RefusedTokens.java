package io.longlink.kit.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Minted tokens, with the tokens a server has to refuse given by the user instead: a server whose
 * tokens the kit can mint may still decide expiry or permission in its own way (another claim than
 * {@code scope}, say), which the kit cannot guess. A given token replaces the minted one; without
 * a way to make a forbidden token, LL-AUTH-7 is skipped rather than judged on a token the server
 * has no reason to refuse.
 */
public final class RefusedTokens implements TokenSource {

  private final TokenSource minted;
  private final String expired;
  private final String forbidden;
  private final boolean mintForbidden;

  /**
   * @param minted where valid tokens (and, unless given, refused ones) come from
   * @param expired an expired token to use instead of a minted one, or null
   * @param forbidden a forbidden user's token to use instead of a minted one, or null
   * @param mintForbidden whether {@code minted}'s forbidden tokens fit the target, when none is given
   */
  public RefusedTokens(TokenSource minted, String expired, String forbidden, boolean mintForbidden) {
    this.minted = minted;
    this.expired = expired;
    this.forbidden = forbidden;
    this.mintForbidden = mintForbidden;
  }

  @Override
  public String token(String user) {
    return minted.token(user);
  }

  @Override
  public Optional<String> expiredToken(String user) {
    return expired != null ? Optional.of(expired) : minted.expiredToken(user);
  }

  @Override
  public Optional<String> forbiddenToken(String user) {
    if (forbidden != null) {
      return Optional.of(forbidden);
    }
    return mintForbidden ? minted.forbiddenToken(user) : Optional.empty();
  }

  @Override
  public Optional<byte[]> signingKey(String user) {
    return minted.signingKey(user);
  }

  @Override
  public boolean uniqueUsers() {
    return minted.uniqueUsers();
  }

  @Override
  public String describe() {
    String forbiddenFrom = forbidden != null ? "given" : mintForbidden ? "minted" : "none (LL-AUTH-7 is skipped)";
    return minted.describe() + "; expired token " + (expired != null ? "given" : "minted") + ", forbidden-user token "
        + forbiddenFrom;
  }

  @Override
  public List<String> secrets() {
    List<String> all = new ArrayList<>(minted.secrets());
    if (expired != null) {
      all.add(expired);
    }
    if (forbidden != null) {
      all.add(forbidden);
    }
    return all;
  }
}
