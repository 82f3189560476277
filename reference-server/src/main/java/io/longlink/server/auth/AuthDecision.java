package io.longlink.server.auth;

import io.longlink.protocol.CloseCode;

/**
 * What a token says about its bearer.
 *
 * @param userId the authenticated user, when accepted
 * @param refusal the close code, when refused (4001, 4002 or 4003)
 * @param reason why, for the close reason and the log; never contains the token
 */
public record AuthDecision(String userId, CloseCode refusal, String reason) {

  public static AuthDecision accept(String userId) {
    return new AuthDecision(userId, null, "ok");
  }

  public static AuthDecision refuse(CloseCode code, String reason) {
    return new AuthDecision(null, code, reason);
  }

  public boolean accepted() {
    return refusal == null;
  }
}
