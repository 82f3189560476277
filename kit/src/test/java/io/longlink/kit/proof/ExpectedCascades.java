package io.longlink.kit.proof;

import java.util.Map;
import java.util.Set;

/**
 * When the reference server breaks one rule, the rules whose scenarios may fail with it, and why.
 * A failure outside this table is a defect: either a scenario depends on more than its rule, or
 * the violation switch breaks more than its rule.
 */
final class ExpectedCascades {

  /** The rules that may fail along with the broken one, and the reason. */
  record Cascade(Set<String> rules, String reason) {}

  private static final Set<String> PONG_PROBES = Set.of("LL-TR-4", "LL-HB-2", "LL-MSG-1", "LL-AUTH-2", "LL-HB-4",
      "LL-ROOM-3", "LL-DLV-4", "LL-DLV-6", "LL-DLV-9", "LL-DLV-13", "LL-LIM-3", "LL-LIM-6", "LL-ERR-4", "LL-ERR-5", "LL-ERR-6",
      "LL-ERR-8");
  private static final String PONG_REASON = "a pong is the kit's proof that a connection is open and serving, and its "
      + "barrier for \"nothing arrived before\"; without usable pongs those checks cannot pass";

  private static final Set<String> OFFLINE = Set.of("LL-CHAT-6", "LL-ROOM-5", "LL-DLV-2", "LL-DLV-4", "LL-DLV-6",
      "LL-DLV-7", "LL-DLV-8", "LL-DLV-13");

  private static final Set<String> ACK_BY_ID = Set.of("LL-MSG-1", "LL-MSG-2", "LL-CHAT-2", "LL-CHAT-3", "LL-CHAT-6",
      "LL-ROOM-2", "LL-ROOM-6", "LL-DLV-2", "LL-DLV-4", "LL-DLV-5", "LL-DLV-6", "LL-DLV-7", "LL-DLV-8", "LL-DLV-13", "LL-DD-1", "LL-DD-2", "LL-DD-3",
      "LL-DD-4", "LL-DD-5", "LL-LIM-2", "LL-LIM-3", "LL-LIM-4", "LL-LIM-5", "LL-ERRC-2", "LL-SEC-5");

  private static final Map<String, Cascade> CASCADES = Map.ofEntries(
      Map.entry("LL-TR-4", new Cascade(PONG_PROBES, PONG_REASON)),
      Map.entry("LL-HB-2", new Cascade(PONG_PROBES, PONG_REASON)),
      Map.entry("LL-MSG-1", new Cascade(Set.of("LL-ROOM-4", "LL-ERRC-2"),
          "the broken message is left, which LL-ROOM-4 waits for and LL-ERRC-2 is sent after a leave")),
      Map.entry("LL-MSG-2", new Cascade(Set.of("LL-CHAT-4", "LL-ERR-8"),
          "LL-CHAT-4 sends a chat with a from member, and LL-ERR-8 a ping with an x_future member, which no schema defines")),
      Map.entry("LL-AUTH-2", new Cascade(Set.of("LL-AUTH-10", "LL-DLV-9"),
          "the extra auth_ok is a second auth_ok for LL-AUTH-10, and the message before the pong for LL-DLV-9")),
      Map.entry("LL-AUTH-5", new Cascade(Set.of("LL-SEC-3", "LL-AUTH-6"), "LL-SEC-3 authenticates with a token that is not a "
          + "JWT, and LL-AUTH-6 with an expired token whose signature does not verify, which the switch no longer checks")),
      Map.entry("LL-CHAT-1", new Cascade(ACK_BY_ID, "the kit knows a chat was accepted by its ack, matched by id")),
      Map.entry("LL-CHAT-2", new Cascade(Set.of("LL-DLV-4", "LL-DLV-6", "LL-DLV-7", "LL-DLV-8", "LL-DLV-13"),
          "deliveries go out in seq order, so seqs that count down (on the wire, as the switch makes them) turn every "
          + "backlog around")),
      Map.entry("LL-CHAT-3", new Cascade(Set.of("LL-DD-4"), "LL-DD-4 tells the two chats apart by their bodies")),
      Map.entry("LL-CHAT-5", new Cascade(Set.of("LL-LIM-3", "LL-LIM-5"),
          "a chat to everyone floods the connections of scenarios running alongside")),
      Map.entry("LL-CHAT-6", new Cascade(Set.of("LL-DLV-4", "LL-DLV-6", "LL-DLV-8", "LL-DLV-13"),
          "offline scenarios connect the recipient right after the acks, before a late store")),
      Map.entry("LL-ROOM-2", new Cascade(Set.of("LL-DLV-10"), "LL-DLV-10 needs a room chat to reach two members")),
      Map.entry("LL-ROOM-3", new Cascade(Set.of("LL-DD-5"), "LL-DD-5 starts with a chat refused for not being a member")),
      Map.entry("LL-DLV-2", new Cascade(Set.of("LL-DLV-10"), "LL-DLV-10 waits for a redelivery")),
      Map.entry("LL-DLV-4", new Cascade(OFFLINE, "every offline scenario needs chats to wait for their recipient")),
      Map.entry("LL-DLV-7", new Cascade(Set.of("LL-DLV-4", "LL-DLV-8", "LL-DLV-13"), "each reads a backlog in seq order")),
      Map.entry("LL-DLV-12", new Cascade(Set.of("LL-DLV-6"),
          "a resume point counts only with the current epoch, and a server that gives every session a new one has none "
          + "that a client can resume with")),
      Map.entry("LL-DD-1", new Cascade(Set.of("LL-DD-3", "LL-ERRC-2"), "LL-DD-3 and LL-ERRC-2 check the duplicate flag of a repeat")),
      Map.entry("LL-DD-2", new Cascade(Set.of("LL-DD-3"), "LL-DD-3 checks that a repeat is not delivered")),
      Map.entry("LL-LIM-2", new Cascade(Set.of("LL-DLV-8"),
          "LL-DLV-8 fills a queue by bytes with chats larger than half of limits.max_message_bytes, which the switch closes")),
      Map.entry("LL-LIM-4", new Cascade(Set.of("LL-DLV-8", "LL-LIM-3", "LL-LIM-5"),
          "each sends chats up to the advertised rate, which the server no longer allows")),
      Map.entry("LL-LIM-5", new Cascade(Set.of("LL-LIM-3"), "the kit's keepalive pings then use up rate")),
      Map.entry("LL-LIM-6", new Cascade(Set.of("LL-SHUT-3"), "without a connection limit there is no goaway to check")),
      Map.entry("LL-ERR-1", new Cascade(Set.of("LL-ERR-6", "LL-CLOSE-1"), "both close a connection with a binary frame")),
      Map.entry("LL-ERR-3", new Cascade(Set.of("LL-CLOSE-1", "LL-ERR-8"),
          "LL-CLOSE-1 closes a connection with an unreadable frame, and a frame beyond LL-ERR-8's limits is one")),
      Map.entry("LL-ERR-4", new Cascade(Set.of("LL-MSG-1"), "LL-MSG-1 makes the server answer an unknown type")),
      Map.entry("LL-ERR-5", new Cascade(Set.of("LL-ERR-9", "LL-HB-2"),
          "the invalid_message of LL-ERR-9 and of LL-HB-2's invalid ping name the member by its pointer")),
      Map.entry("LL-CLOSE-1", new Cascade(Set.of("LL-ERR-3", "LL-ERR-8"),
          "the code outside the table is used for unreadable frames, which frames beyond LL-ERR-8's limits are")));

  private ExpectedCascades() {}

  static Cascade of(String ruleId) {
    return CASCADES.getOrDefault(ruleId, new Cascade(Set.of(), "none"));
  }
}
