package io.longlink.client.driver.fault;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ways the driver can break one client rule of PROTOCOL.md, so that the conformance kit's
 * client mode can prove each of its checks able to fail: one switch per client rule that
 * DRIVER.md §9 judges on the wire. Each switch builds the
 * client from decorated parts ({@link Fault}); the shipped library knows nothing of them.
 */
public enum Violation {
  TR_1("LL-TR-1", "offers no subprotocol in the opening handshake", c -> WebSocketFaults.noSubprotocol()),
  TR_5("LL-TR-5", "sends its pings as binary frames", c -> WebSocketFaults.binaryPings()),
  TR_6("LL-TR-6", "also sends WebSocket ping control frames and takes their pongs as signs of life",
      c -> WebSocketFaults.controlFramesCount(c.scheduler())),
  MSG_3("LL-MSG-3", "drops server messages that carry members their schema does not define",
      c -> ReceivedFrameFaults.unknownMembersRefused()),
  MSG_4("LL-MSG-4", "sends pings whose id breaks the message-id pattern", c -> SentFrameFaults.invalidPings()),
  PAR_2("LL-PAR-2", "keeps the heartbeat parameters of its first session for every later one",
      c -> ReceivedFrameFaults.firstHeartbeatForever()),
  AUTH_1("LL-AUTH-1", "sends a ping before auth on every connection", c -> SentFrameFaults.pingBeforeAuth()),
  HB_1("LL-HB-1", "never pings", c -> SentFrameFaults.noPings()),
  HB_5("LL-HB-5", "takes every ping it sends as answered, so it never notices a silent server",
      c -> SentFrameFaults.selfAnsweredPings(c.scheduler())),
  HB_6("LL-HB-6", "closes a link it declared dead with 1000 instead of 4000", c -> SentFrameFaults.deadLinkClosedNormally()),
  HB_7("LL-HB-7", "counts only pongs as signs of life", c -> LivenessFaults.onlyPongsCount(c.scheduler())),
  HB_8("LL-HB-8", "never gives up a connection that gets no auth_ok (and waits for the server to end it)",
      c -> LivenessFaults.noConnectDeadline()),
  CHAT_7("LL-CHAT-7", "never sends a chat again on a later connection", c -> SentFrameFaults.noResendOfChats()),
  CHAT_8("LL-CHAT-8", "takes the settling error codes it knows for unavailable, and sends those chats again; "
      + "misses the retry_after_ms of the others",
      c -> ReceivedFrameFaults.settlingCodesRetried()),
  DLV_1("LL-DLV-1", "does not acknowledge repeats of deliveries", c -> SentFrameFaults.noAckForRepeats()),
  DLV_11("LL-DLV-11", "sends as last_seq the highest seq it received, processed or not",
      c -> SentFrameFaults.dishonestLastSeq()),
  DLV_14("LL-DLV-14", "sends last_seq without the epoch it was counted in", c -> SentFrameFaults.resumeWithoutEpoch()),
  DD_6("LL-DD-6", "hands repeated deliveries to the application again", c -> DeliveryFaults.repeatsHandedOver()),
  DD_7("LL-DD-7", "reads dedup_window_ms as 1000 times the advertised window, so it resends after the window",
      c -> ReceivedFrameFaults.longerDedupWindow()),
  RC_1("LL-RC-1", "takes every close of the close-code table that reconnects for a refusal, and stops",
      c -> CloseFaults.stopsAfterEveryClose()),
  RC_2("LL-RC-2", "waits the full delay_n before every attempt: no jitter", c -> BackoffFaults.noJitter()),
  RC_3("LL-RC-3", "opens a second connection beside every attempt", c -> ConnectionFaults.twoAttemptsAtOnce()),
  RC_4("LL-RC-4", "never resets its backoff after auth_ok", c -> BackoffFaults.neverResets()),
  RC_5("LL-RC-5", "takes the application's close for a lost link and reconnects",
      c -> ConnectionFaults.reconnectsAfterDeliberateClose()),
  RC_6("LL-RC-6", "reconnects after the refusals 4001, 4002, 4003 and 4007", c -> CloseFaults.reconnectsAfterRefusal()),
  RC_7("LL-RC-7", "ignores goaway", c -> ReceivedFrameFaults.goawayIgnored()),
  RC_8("LL-RC-8", "flushes out of order: on every session after the first, its first chat goes out after the second",
      c -> SentFrameFaults.outOfOrderFlush(c.scheduler())),
  RC_9("LL-RC-9", "never sends a join or leave again on a later connection", c -> SentFrameFaults.noResendOfRoomRequests()),
  RC_10("LL-RC-10", "does not count in n an attempt a platform event brought forward",
      c -> BackoffFaults.earlyAttemptsNotCounted()),
  LIM_8("LL-LIM-8", "reads the size and rate limits as the largest allowed: sends oversized chats and bursts",
      c -> ReceivedFrameFaults.unboundedLimits()),
  LIM_13("LL-LIM-13", "paces chats over exactly rate_window_ms, with no margin", c -> ReceivedFrameFaults.noPacingMargin()),
  CLOSE_3("LL-CLOSE-3", "takes a close code outside the table for a refusal, and stops", c -> CloseFaults.stopsAfterUnknownCodes()),
  ERRC_1("LL-ERRC-1", "takes error codes it does not know for unavailable, and sends those chats again",
      c -> ReceivedFrameFaults.unknownCodesRetried()),
  SEC_1("LL-SEC-1", "connects with ws:// to hosts that are not loopback", c -> ConnectionFaults.plainTextAnywhere()),
  SEC_2("LL-SEC-2", "puts its token in the URL query", c -> ConnectionFaults.tokenInUrl(c.token())),
  SEC_6("LL-SEC-6", "sends chats without sig when the session signs", c -> SentFrameFaults.unsignedChats()),
  SEC_7("LL-SEC-7", "signs on its own clock, ignoring server_time", c -> ReceivedFrameFaults.localClockForSigning(c.scheduler())),
  SEC_8("LL-SEC-8", "without a signing key, ignores the session's signing and sends chats unsigned",
      c -> ReceivedFrameFaults.signingIgnoredWithoutKey(c.hasSigningKey()));

  private final String ruleId;
  private final String behaviour;
  private final Function<FaultContext, Fault> fault;

  Violation(String ruleId, String behaviour, Function<FaultContext, Fault> fault) {
    this.ruleId = ruleId;
    this.behaviour = behaviour;
    this.fault = fault;
  }

  /** The rule this switch breaks, e.g. {@code LL-RC-2}. */
  public String ruleId() {
    return ruleId;
  }

  /** What the client does instead, for people. */
  public String behaviour() {
    return behaviour;
  }

  /** A fresh fault for one client. */
  public Fault fault(FaultContext context) {
    return fault.apply(context);
  }

  /** The switch for {@code ruleId}. */
  public static Optional<Violation> of(String ruleId) {
    return Arrays.stream(values()).filter(v -> v.ruleId.equals(ruleId)).findFirst();
  }
}
