package io.longlink.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.protocol.CloseCode;
import io.longlink.server.testing.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference server's token convention: sub is a JSON string (RFC 7519 §4.1.2), never a number made into one. */
class JwtVerifierTest {

  private final JwtVerifier verifier = new JwtVerifier(TestServer.JWT_SECRET, null, null, Clock.systemUTC());

  @Test
  void aStringSubIsTheUser() {
    AuthDecision decision = verifier.verify(TestServer.token("alice"));
    assertTrue(decision.accepted(), decision::reason);
    assertEquals("alice", decision.userId());
  }

  @Test
  void aNumericSubIsRefusedAsABadToken() {
    AuthDecision decision = verifier.verify(TestServer.tokenWithSub(12345));
    assertFalse(decision.accepted());
    assertEquals(CloseCode.UNAUTHORIZED, decision.refusal());
    assertTrue(decision.reason().contains("number"), decision.reason());
  }

  @Test
  void aSubThatIsNeitherStringNorNumberIsRefused() {
    for (Object sub : List.of(List.of("alice"), Map.of("id", "alice"), true)) {
      AuthDecision decision = verifier.verify(TestServer.tokenWithSub(sub));
      assertFalse(decision.accepted(), "sub " + sub);
      assertEquals(CloseCode.UNAUTHORIZED, decision.refusal());
    }
  }
}
