package io.longlink.kit.settings;

import io.longlink.signing.ChatSignature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Tokens given on the command line ({@code --token alice=...}), for servers whose tokens the kit
 * cannot mint. The users are fixed, so scenarios share them: they run one at a time, and each
 * starts by settling whatever earlier scenarios left pending. The user id of each role is learned
 * from the auth_ok of its token.
 */
public final class FixedTokenSource implements TokenSource {

  /** The roles every scenario can play; a run needs a token for each. */
  public static final List<String> ROLES = List.of("alice", "bob", "carol");
  /** The optional roles: tokens that are refused on purpose. */
  public static final String EXPIRED = "expired";
  public static final String FORBIDDEN = "forbidden";

  private final Map<String, String> tokens;
  private final Map<String, byte[]> signingKeys;
  private final Map<String, String> userIds = new LinkedHashMap<>();

  /**
   * @param tokens role to token: alice, bob and carol; optionally expired and forbidden
   * @param signingKeys role to chat signing key, for servers that sign chats
   */
  public FixedTokenSource(Map<String, String> tokens, Map<String, byte[]> signingKeys) {
    for (String role : ROLES) {
      if (!tokens.containsKey(role)) {
        throw new IllegalArgumentException("no token for " + role + ": give --token alice=..., --token bob=... and "
            + "--token carol=..., tokens of three different users");
      }
    }
    for (String role : tokens.keySet()) {
      if (!ROLES.contains(role) && !role.equals(EXPIRED) && !role.equals(FORBIDDEN)) {
        throw new IllegalArgumentException("--token " + role + "=...: the roles are " + String.join(", ", ROLES) + ", "
            + EXPIRED + " (an expired token) and " + FORBIDDEN + " (a token of a user who is not allowed in)");
      }
    }
    this.tokens = Map.copyOf(tokens);
    this.signingKeys = Map.copyOf(signingKeys);
  }

  /** Learns each role's user id, once, by asking {@code authenticate} (token to the auth_ok's user_id). */
  public synchronized void resolve(UnaryOperator<String> authenticate) {
    if (!userIds.isEmpty()) {
      return;
    }
    for (String role : ROLES) {
      userIds.put(role, authenticate.apply(tokens.get(role)));
    }
    if (userIds.values().stream().distinct().count() < ROLES.size()) {
      throw new IllegalArgumentException("the tokens of alice, bob and carol belong to fewer than three users ("
          + userIds + "); give tokens of three different users");
    }
  }

  /** The tokens of the playing roles, to settle what they have pending. */
  public Map<String, String> playingTokens() {
    Map<String, String> playing = new LinkedHashMap<>();
    ROLES.forEach(r -> playing.put(r, tokens.get(r)));
    return playing;
  }

  @Override
  public synchronized Optional<String> fixedUser(String role) {
    return Optional.ofNullable(userIds.get(role.equals("probe") ? "alice" : role));
  }

  @Override
  public synchronized String token(String user) {
    for (Map.Entry<String, String> e : userIds.entrySet()) {
      if (e.getValue().equals(user)) {
        return tokens.get(e.getKey());
      }
    }
    throw new IllegalStateException("no token for user " + user + "; the roles with tokens are " + userIds.keySet());
  }

  @Override
  public Optional<String> expiredToken(String user) {
    return Optional.ofNullable(tokens.get(EXPIRED));
  }

  @Override
  public Optional<String> forbiddenToken(String user) {
    return Optional.ofNullable(tokens.get(FORBIDDEN));
  }

  @Override
  public synchronized Optional<byte[]> signingKey(String user) {
    for (Map.Entry<String, String> e : userIds.entrySet()) {
      if (e.getValue().equals(user) && signingKeys.containsKey(e.getKey())) {
        return Optional.of(signingKeys.get(e.getKey()).clone());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean uniqueUsers() {
    return false;
  }

  @Override
  public String describe() {
    return "tokens given for " + String.join(", ", tokens.keySet()) + (signingKeys.isEmpty() ? "" : ", signing keys for "
        + String.join(", ", signingKeys.keySet())) + "; scenarios run one at a time";
  }

  @Override
  public synchronized List<String> secrets() {
    List<String> all = new ArrayList<>(tokens.values());
    signingKeys.values().forEach(k -> all.addAll(Redactor.textForms(k)));
    return all;
  }

  /** A signing key from its base64url text. */
  public static byte[] key(String base64url) {
    return ChatSignature.decodeKey(base64url);
  }
}
