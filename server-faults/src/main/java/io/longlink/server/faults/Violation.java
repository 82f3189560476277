package io.longlink.server.faults;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ways the reference server can be made to break one server rule of PROTOCOL.md, so that the
 * conformance kit can prove that each of its checks fails against a server that breaks the rule.
 * One switch per server rule the kit checks (every MUST rule that can be observed on the wire,
 * and the SHOULD rules with scenarios), named for its rule; off unless asked for. A rule that
 * different bugs break in ways that different scenarios see has more switches, each named for
 * its rule and a variant ({@code LL-LIM-3/anchored}), so that every one of those scenarios is
 * shown to fail.
 */
public enum Violation {
  TR_2("LL-TR-2", "does not select the longlink.v1 subprotocol in the handshake response"),
  TR_3("LL-TR-3", "serves clients that did not offer longlink.v1 instead of closing with 4007"),
  TR_4("LL-TR-4", "sends pongs as binary frames"),
  MSG_1("LL-MSG-1", "sends left without its room"),
  MSG_2("LL-MSG-2", "refuses client messages that carry members their schema does not define"),
  PAR_1("LL-PAR-1", "advertises reconnect.max_delay_ms below reconnect.initial_delay_ms"),
  AUTH_2("LL-AUTH-2", "answers a valid auth with two auth_ok"),
  AUTH_3("LL-AUTH-3", "advertises a user_id other than the token's user"),
  AUTH_4("LL-AUTH-4", "gives every connection the same session_id"),
  AUTH_5("LL-AUTH-5", "accepts tokens it cannot verify"),
  AUTH_6("LL-AUTH-6", "accepts expired tokens"),
  AUTH_7("LL-AUTH-7", "lets users without the longlink scope in"),
  AUTH_8("LL-AUTH-8", "never closes connections that do not send auth"),
  AUTH_9("LL-AUTH-9", "answers a ping sent before auth instead of closing with 4005"),
  AUTH_10("LL-AUTH-10", "answers a second auth with another auth_ok"),
  AUTH_11("LL-AUTH-11", "answers an auth that fails its schema with an error instead of closing with 4001"),
  AUTH_12("LL-AUTH-12", "puts a server_time an hour ahead in auth_ok"),
  HB_2("LL-HB-2", "never answers ping"),
  HB_3("LL-HB-3", "never closes silent sessions"),
  HB_4("LL-HB-4", "counts only pings as signs of life"),
  CHAT_1("LL-CHAT-1", "acks chats with a wrong id"),
  CHAT_2("LL-CHAT-2", "hands out seq numbers counting down"),
  CHAT_3("LL-CHAT-3", "trims whitespace from the ends of delivered bodies"),
  CHAT_4("LL-CHAT-4", "stamps deliveries with the from member the client sent"),
  CHAT_5("LL-CHAT-5", "also sends direct chats to every other connected user"),
  CHAT_6("LL-CHAT-6", "acks chats before it stores their deliveries"),
  ROOM_1("LL-ROOM-1", "answers join with a joined carrying a wrong id"),
  ROOM_2("LL-ROOM-2", "delivers a room chat to one member only"),
  ROOM_3("LL-ROOM-3", "accepts chats to rooms the sender has not joined"),
  ROOM_4("LL-ROOM-4", "answers leave but keeps the membership"),
  ROOM_5("LL-ROOM-5", "forgets a user's rooms when the user's last connection closes"),
  ROOM_6("LL-ROOM-6", "delivers room chats to their sender too"),
  DLV_2("LL-DLV-2", "never sends an unacknowledged delivery again"),
  DLV_2_CUMULATIVE("LL-DLV-2", "cumulative", "takes an ack as acknowledging every delivery up to its seq"),
  DLV_3("LL-DLV-3", "ignores delivery acks"),
  DLV_4("LL-DLV-4", "drops chats to users who have no session"),
  DLV_5("LL-DLV-5", "forgets deliveries that were sent on a connection that closed"),
  DLV_6("LL-DLV-6", "ignores last_seq"),
  DLV_7("LL-DLV-7", "sends pending deliveries in decreasing seq order"),
  DLV_8("LL-DLV-8", "drops the oldest pending deliveries when a queue is full, by count or by bytes"),
  DLV_9("LL-DLV-9", "answers acks of unknown seq with an error"),
  DLV_10("LL-DLV-10", "lets one recipient's ack settle every recipient's delivery"),
  DLV_12("LL-DLV-12", "advertises a new epoch to every session"),
  DLV_13("LL-DLV-13", "applies last_seq whatever epoch the auth carries, or none"),
  DD_1("LL-DD-1", "acks repeated chats with duplicate false"),
  DD_1_WINDOW("LL-DD-1", "window", "remembers accepted chats for a thousandth of dedup_window_ms, as if it were in microseconds"),
  DD_2("LL-DD-2", "delivers repeated chats again"),
  DD_3("LL-DD-3", "recognises repeats only on the connection of the original"),
  DD_4("LL-DD-4", "recognises repeats by id alone, whoever sent them"),
  DD_5("LL-DD-5", "remembers chats it refused, and acks them as duplicates later"),
  LIM_1("LL-LIM-1", "counts limits.max_message_bytes in characters, not UTF-8 bytes"),
  LIM_2("LL-LIM-2", "closes with 1009 frames above half of limits.max_message_bytes"),
  LIM_3("LL-LIM-3", "counts the rate in fixed windows of limits.rate_window_ms aligned to the clock, not in a sliding window"),
  LIM_3_ANCHORED("LL-LIM-3", "anchored", "counts the rate in fixed windows that start with the first message after the last window ended"),
  LIM_3_NONE("LL-LIM-3", "none", "has no rate limit"),
  LIM_3_CHATS_ONLY("LL-LIM-3", "chats-only", "counts chats against the rate limit, but not joins and leaves"),
  LIM_3_ACTS("LL-LIM-3", "acts", "refuses a chat over the rate with rate_limited, then acks and delivers it all the same"),
  LIM_4("LL-LIM-4", "rate limits at half of limits.rate_messages"),
  LIM_4_REFUSED("LL-LIM-4", "refused", "counts the messages it refused for rate against the rate too"),
  LIM_5("LL-LIM-5", "counts pings and delivery acks against the rate limit"),
  LIM_6("LL-LIM-6", "has no limit of connections per user"),
  LIM_9("LL-LIM-9", "never closes connections that do not complete the WebSocket upgrade"),
  ERR_1("LL-ERR-1", "ignores binary frames"),
  ERR_2("LL-ERR-2", "decodes invalid UTF-8 with replacement characters instead of closing with 1007"),
  ERR_3("LL-ERR-3", "answers unreadable frames with an error instead of closing with 4008"),
  ERR_4("LL-ERR-4", "closes with 4008 on unknown types instead of answering with an error"),
  ERR_5("LL-ERR-5", "leaves out the pointer of invalid_message errors"),
  ERR_6("LL-ERR-6", "closes every connection of a user who sent bad input"),
  ERR_7("LL-ERR-7", "answers invalid messages with an error that says only \"bad input\""),
  ERR_8("LL-ERR-8", "reads JSON to Jackson's default limits (1000 levels, 1000-digit numbers) instead of 64 and 64"),
  ERR_9("LL-ERR-9", "accepts strings that hold an unpaired surrogate, and sends them on as \"?\""),
  CLOSE_1("LL-CLOSE-1", "closes unreadable frames with 4400, a code outside the table"),
  CLOSE_2("LL-CLOSE-2", "closes without a reason"),
  ERRC_2("LL-ERRC-2", "checks room membership before dedup: a repeat of an accepted room chat gets not_member once its sender left"),
  SEC_3("LL-SEC-3", "authenticates connections by a token in the URL query"),
  SEC_4("LL-SEC-4", "does not verify chat signatures"),
  SEC_5("LL-SEC-5", "refuses a ts older than the replay window but accepts any ts in the future"),
  SEC_5_WIDE("LL-SEC-5", "wide", "reads signing.replay_window_ms as seconds: a ts hours off passes"),
  SEC_5_NARROW("LL-SEC-5", "narrow", "keeps a replay window of a tenth of signing.replay_window_ms: a ts a few seconds off is refused"),
  SHUT_3("LL-SHUT-3", "closes with 4009 without sending goaway first");

  private final String ruleId;
  private final String variant;
  private final String behaviour;

  Violation(String ruleId, String behaviour) {
    this(ruleId, null, behaviour);
  }

  Violation(String ruleId, String variant, String behaviour) {
    this.ruleId = ruleId;
    this.variant = variant;
    this.behaviour = behaviour;
  }

  /** What {@code --violate} takes: the rule, or the rule and the variant, e.g. {@code LL-LIM-3/anchored}. */
  public String switchId() {
    return variant == null ? ruleId : ruleId + "/" + variant;
  }

  /** The rule this switch breaks, e.g. {@code LL-HB-2}. */
  public String ruleId() {
    return ruleId;
  }

  /** What the server does instead, e.g. "never answers ping". */
  public String behaviour() {
    return behaviour;
  }

  /** The switch with this {@link #switchId()}: a rule's ID names its first switch. */
  public static Optional<Violation> forRule(String switchId) {
    return Arrays.stream(values()).filter(v -> v.switchId().equals(switchId)).findFirst();
  }
}
