package io.longlink.kit.client.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.client.harness.SignedChats.Arrival;
import io.longlink.model.Chat;
import io.longlink.model.ErrorMessage;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;
import io.longlink.signing.ChatSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgement of signed chats cannot pass a chat that breaks LL-SEC-6 or LL-SEC-7. */
class SignedChatsTest {

  private static final byte[] KEY = ChatSignature.decodeKey(SignedChats.TEST_KEY);
  private static final long NOW = 1_763_769_601_000L;

  @Test
  void theTestKeySignsThePublishedVector() {
    // PROTOCOL.md §18's test vector, so that the harness and the spec share one key.
    assertEquals("longlink-test-key-00000000000000", new String(KEY, StandardCharsets.US_ASCII));
  }

  @Test
  void freshlySignedCopiesPass() {
    List<Arrival> copies = List.of(new Arrival(signed("m-1", NOW), NOW + 5),
        new Arrival(signed("m-1", NOW + 600), NOW + 610));
    assertEquals(List.of(), SignedChats.signingProblems(copies, 0, 400));
  }

  @Test
  void aSigThatDoesNotVerifyFails() {
    Chat good = signed("m-1", NOW);
    Chat otherBody = new Chat("m-1", good.to(), "hi mallory", good.ts(), good.sig());
    byte[] otherKey = "another-key-of-32-bytes-00000000".getBytes(StandardCharsets.US_ASCII);
    Chat wrongKey = new Chat("m-1", good.to(), good.body(), good.ts(),
        ChatSignature.sign(otherKey, new Chat("m-1", good.to(), good.body(), NOW, null)));
    for (Chat bad : List.of(otherBody, wrongKey)) {
      List<String> problems = SignedChats.signingProblems(List.of(new Arrival(bad, NOW)), 0, 400);
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).contains("carries sig"), problems.toString());
    }
  }

  @Test
  void aChatWithoutTsOrSigFails() {
    Chat good = signed("m-1", NOW);
    Chat noSig = new Chat("m-1", good.to(), good.body(), NOW, null);
    Chat noTs = new Chat("m-1", good.to(), good.body(), null, good.sig());
    assertTrue(SignedChats.signingProblems(List.of(new Arrival(noSig, NOW)), 0, 400).get(0).contains("without sig"));
    assertTrue(SignedChats.signingProblems(List.of(new Arrival(noTs, NOW)), 0, 400).get(0).contains("without ts"));
  }

  @Test
  void aResendWithTheTsOfAnEarlierCopyFailsEvenWithinTheTolerance() {
    List<Arrival> copies = List.of(new Arrival(signed("m-1", NOW), NOW), new Arrival(signed("m-1", NOW), NOW + 300));
    List<String> problems = SignedChats.signingProblems(copies, 0, 400);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("the ts of an earlier copy"), problems.toString());
  }

  @Test
  void aTsOffTheServersClockFails() {
    List<Arrival> late = List.of(new Arrival(signed("m-1", NOW - 401), NOW));
    assertEquals(1, SignedChats.signingProblems(late, 0, 400).size());
    List<Arrival> localClock = List.of(new Arrival(signed("m-1", NOW), NOW));
    assertEquals(1, SignedChats.clockProblems(localClock, 300_000, 400).size());
    List<Arrival> serverClock = List.of(new Arrival(signed("m-1", NOW + 300_000), NOW));
    assertEquals(List.of(), SignedChats.clockProblems(serverClock, 300_000, 400));
  }

  @Test
  void theHarnessRefusesWhatAServerWould() {
    SessionParams params = SessionParams.fast().withSigning(0);
    assertTrue(SignedChats.refusal(params, signed("m-1", NOW), NOW + 10).isEmpty());
    Chat unsigned = new Chat("m-1", signed("m-1", NOW).to(), "hi bob", NOW, null);
    ErrorMessage refused = (ErrorMessage) SignedChats.refusal(params, unsigned, NOW).orElseThrow();
    assertEquals("bad_signature", refused.code());
    long tooLate = NOW + params.replayWindowMs() + 1;
    ErrorMessage stale = (ErrorMessage) SignedChats.refusal(params, signed("m-1", NOW), tooLate).orElseThrow();
    assertEquals("stale_message", stale.code());
  }

  private static Chat signed(String id, long ts) {
    Chat plain = new Chat(id, new Recipient(RecipientKind.USER, "bob"), "hi bob", ts, null);
    return new Chat(id, plain.to(), plain.body(), ts, ChatSignature.sign(KEY, plain));
  }
}
