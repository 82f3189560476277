package io.longlink.kit.steps;

import io.longlink.kit.NotApplicable;
import io.longlink.kit.settings.FixedTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.settings.TokenSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The people and names of one scenario. "alice" in a scenario is a user id of its own
 * ({@code ll-<run>-<scenario>-alice}), so that scenarios running side by side, or runs repeated
 * against the same server, never share users, rooms or message ids.
 */
public final class Cast {

  private static final AtomicInteger SCENARIOS = new AtomicInteger();

  /**
   * What chat bodies carry besides their greeting, in turn: text a server that trims, folds
   * case, normalises Unicode or counts characters instead of bytes does not deliver as sent
   * (LL-CHAT-3): edge whitespace, non-ASCII letters, characters outside the BMP, a line break.
   */
  private static final String[] BODY_TEXTS = {
      "  \t", " naïve Café ", "\u4f60\u597d\uff0c\u4e16\u754c ", " \u2603 \ud834\udd1e \ud83d\ude42\n", "\u00a0"
  };

  private final KitSettings settings;
  private final String prefix;
  private final AtomicInteger messages = new AtomicInteger();

  public Cast() {
    this.settings = KitSettings.current();
    this.prefix = "ll-" + settings.runId() + "-" + SCENARIOS.incrementAndGet();
  }

  public KitSettings settings() {
    return settings;
  }

  /** The user id that plays {@code role} in this scenario: a fixed user's, or one of its own. */
  public String userId(String role) {
    return tokens().fixedUser(role).orElse(prefix + "-" + role);
  }

  /** Whether a user id belongs to this scenario. */
  public boolean isOurs(String userId) {
    return userId.startsWith(prefix + "-") || FixedTokenSource.ROLES.stream()
        .anyMatch(role -> tokens().fixedUser(role).map(userId::equals).orElse(false));
  }

  /** The room id of a room named in this scenario. */
  public String room(String name) {
    return prefix + "-" + name;
  }

  /** A fresh message id. */
  public String nextMessageId() {
    return "m" + messages.incrementAndGet() + "-" + prefix;
  }

  /**
   * A chat body for this recipient: a greeting that names it, wrapped in the next of {@link
   * #BODY_TEXTS} and in ASCII whitespace, so that a body delivered otherwise than as sent shows.
   */
  public String body(String to) {
    String edge = BODY_TEXTS[Math.floorMod(messages.get(), BODY_TEXTS.length)];
    return " " + edge + "hello " + to + edge + "\t";
  }

  /** A message id made from a label the scenario chose, e.g. "same-id". */
  public String messageId(String label) {
    return label + "-" + prefix;
  }

  public String token(String role) {
    return tokens().token(userId(role));
  }

  public String expiredToken(String role) {
    return tokens().expiredToken(userId(role)).orElseThrow(() -> new NotApplicable(
        "the kit cannot make an expired token with " + tokens().describe() + "; give --jwt-secret or --token expired=TOKEN"));
  }

  public String forbiddenToken(String role) {
    return tokens().forbiddenToken(userId(role)).orElseThrow(() -> new NotApplicable(
        "the kit cannot make a token of a user who is not allowed in with " + tokens().describe()
        + "; give --token forbidden=TOKEN (a valid token of a user the server does not let in), or --jwt-secret with "
        + "--jwt-forbidden scope for a server that reads the scope claim"));
  }

  /** The chat signing key of a role's user. */
  public Optional<byte[]> signingKey(String role) {
    return tokens().signingKey(userId(role));
  }

  private TokenSource tokens() {
    return settings.tokens();
  }
}
