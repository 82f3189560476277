package io.longlink.kit.testing;

import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.settings.TokenSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A token source for fixture runs, which never connect anywhere. */
public record FixedTokens(boolean uniqueUsers) implements TokenSource {

  /** Settings for a fixture run against a target that is never contacted. */
  public static KitSettings settings(boolean uniqueUsers) {
    return new KitSettings(URI.create("ws://127.0.0.1:9/ws"), new FixedTokens(uniqueUsers), Map.of("X-Api-Key", "secret"),
        false, null, KitSettings.DEFAULT_TIMING_SLACK, 500, 20000, "run-test");
  }

  @Override
  public String token(String user) {
    return "token-of-" + user;
  }

  @Override
  public Optional<String> expiredToken(String user) {
    return Optional.empty();
  }

  @Override
  public Optional<String> forbiddenToken(String user) {
    return Optional.empty();
  }

  @Override
  public Optional<byte[]> signingKey(String user) {
    return Optional.empty();
  }

  @Override
  public List<String> secrets() {
    return List.of(token("alice"), token("bob"), token("carol"));
  }

  @Override
  public String describe() {
    return "fixed fixture tokens";
  }
}
