package io.longlink.server.auth;

/** Decides who a token belongs to. Longlink treats tokens as opaque; this is the server's business. */
public interface TokenVerifier {
  AuthDecision verify(String token);
}
