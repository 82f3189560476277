package io.longlink.kit.client.harness;

import io.longlink.model.Chat;
import io.longlink.model.ErrorMessage;
import io.longlink.model.ServerMessage;
import io.longlink.signing.ChatSignature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's side of chat signing (PROTOCOL.md §18): the key it shares with the client under
 * test, the refusals a server owes a chat that does not verify (LL-SEC-4, LL-SEC-5), and the
 * judgement of the chats a client signed (LL-SEC-6, LL-SEC-7). Signatures are checked by the
 * spec module's {@link ChatSignature}, the verifier the reference server uses.
 */
public final class SignedChats {

  /** The test key of PROTOCOL.md §18, base64url: the 32 ASCII bytes {@code longlink-test-key-00000000000000}. */
  public static final String TEST_KEY = "bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA";

  private static final byte[] KEY = ChatSignature.decodeKey(TEST_KEY);

  /** One copy of a chat as it arrived, with the harness's wall clock at its arrival. */
  public record Arrival(Chat chat, long arrivalMs) {}

  private SignedChats() {}

  /**
   * What a server that signs answers instead of acting on the chat: {@code bad_signature} when
   * its sig does not verify, {@code stale_message} when its ts is outside the replay window of
   * the harness's clock (moved by the advertised offset); empty when the chat is acceptable.
   */
  static Optional<ServerMessage> refusal(SessionParams params, Chat chat, long nowMs) {
    if (!ChatSignature.verify(KEY, chat)) {
      return Optional.of(new ErrorMessage("bad_signature", "the chat's sig does not verify under the session's key "
          + "(PROTOCOL.md §18, Signing); sign id, ts, to and body with the key", chat.id(), null, null));
    }
    long skew = Math.abs(chat.ts() - (nowMs + params.serverTimeOffsetMs()));
    if (skew > params.replayWindowMs()) {
      return Optional.of(new ErrorMessage("stale_message", "ts is " + skew + " ms from the server's clock, more than "
          + "signing.replay_window_ms " + params.replayWindowMs(), chat.id(), null, null));
    }
    return Optional.empty();
  }

  /**
   * LL-SEC-6: every copy carries a {@code ts} and a {@code sig} that verifies, its ts is within
   * {@code toleranceMs} of the server's clock (the harness's plus {@code offsetMs}) at its arrival,
   * and no copy repeats the ts of an earlier copy of the same chat. Empty when all hold.
   */
  public static List<String> signingProblems(List<Arrival> copies, long offsetMs, long toleranceMs) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Long>> earlierTs = new HashMap<>();
    for (Arrival copy : copies) {
      Chat chat = copy.chat();
      if (chat.ts() == null || chat.sig() == null) {
        problems.add("chat " + chat.id() + " arrived without " + (chat.ts() == null ? "ts" : "sig"));
        continue;
      }
      if (!ChatSignature.verify(KEY, chat)) {
        problems.add("chat " + chat.id() + " carries sig " + chat.sig() + ", but the test key signs its id, ts, to and "
            + "body as " + ChatSignature.sign(KEY, chat));
      }
      clockProblem(copy, offsetMs, toleranceMs).ifPresent(problems::add);
      List<Long> before = earlierTs.computeIfAbsent(chat.id(), id -> new ArrayList<>());
      if (before.contains(chat.ts())) {
        problems.add("a resend of chat " + chat.id() + " carries ts " + chat.ts() + ", the ts of an earlier copy, "
            + "not a fresh one");
      }
      before.add(chat.ts());
    }
    return problems;
  }

  /**
   * LL-SEC-7: every copy's {@code ts} is within {@code toleranceMs} of the harness's clock plus the
   * {@code offsetMs} its {@code server_time} advertised, at the copy's arrival.
   */
  public static List<String> clockProblems(List<Arrival> copies, long offsetMs, long toleranceMs) {
    List<String> problems = new ArrayList<>();
    for (Arrival copy : copies) {
      if (copy.chat().ts() == null) {
        problems.add("chat " + copy.chat().id() + " arrived without ts");
      } else {
        clockProblem(copy, offsetMs, toleranceMs).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private static Optional<String> clockProblem(Arrival copy, long offsetMs, long toleranceMs) {
    long serverClock = copy.arrivalMs() + offsetMs;
    long off = copy.chat().ts() - serverClock;
    if (Math.abs(off) <= toleranceMs) {
      return Optional.empty();
    }
    return Optional.of("chat " + copy.chat().id() + " carries ts " + copy.chat().ts() + ", " + off + " ms from the "
        + "server's clock (" + serverClock + ", server_time's offset " + offsetMs + " ms) when it arrived");
  }
}
