package io.longlink.server.faults;

import io.longlink.codec.ReadingRules;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.SessionParameter;
import io.longlink.server.faults.filters.ClientMessageFaults;
import io.longlink.server.faults.filters.CloseFaults;
import io.longlink.server.faults.filters.DeliveryFaults;
import io.longlink.server.faults.filters.RateFaults;
import io.longlink.server.faults.filters.RoutingFaults;
import io.longlink.server.faults.filters.ServerMessageFaults;
import io.longlink.server.faults.filters.SigningFaults;
import io.longlink.server.faults.ports.DedupFaults;
import io.longlink.server.faults.ports.InboxFaults;
import io.longlink.server.faults.ports.RateLimitFaults;
import io.longlink.server.faults.ports.RoomFaults;
import io.longlink.server.faults.ports.TokenFaults;
import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.store.MemoryDedupStore;
import io.longlink.server.faults.wire.Peers;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How each switch breaks its rule: a filter on the wire, a decorated part, another configuration,
 * or a few of these. Exhaustive over {@link Violation}: a switch without a fault does not compile.
 */
public final class Faults {

  /**
   * One switch's fault: what it changes in a reference server ({@code configure}, then
   * {@code install}), and the filters a proxy in front of any server applies for it ({@code proxy},
   * null when none can: the fault needs the server's parts or secrets). For most wire faults the
   * two are the same filters; a few switches the server breaks through its parts have filters of
   * their own for a proxy, which break the same rule another way.
   */
  record Fault(Consumer<Assembly> configure, Consumer<Assembly> install, Consumer<Assembly> proxy) {

    boolean onTheWire() {
      return proxy != null;
    }

    void configure(Assembly a) {
      configure.accept(a);
    }

    void install(Assembly a) {
      install.accept(a);
    }
  }

  private static final Consumer<Assembly> NOTHING = a -> { };
  private static final long A_DAY_MS = 86_400_000;

  private Faults() {}

  /** Whether filters alone can break the switch's rule (the breaking proxy can apply them in front of any server). */
  public static boolean onTheWire(Violation v) {
    return of(v).onTheWire();
  }

  /**
   * Why the breaking proxy cannot apply this switch in front of a server, or empty when it can: a
   * switch that needs the server's parts, or one made of filters whose fault lives in the server's
   * own transport, which a proxy's does not reach.
   */
  public static Optional<String> notThroughAProxy(Violation v) {
    if (!onTheWire(v)) {
      return Optional.of(v.switchId() + " needs the server's own parts or secrets; only the reference server started "
          + "with --violate " + v.switchId() + " breaks it");
    }
    return switch (v) {
      // The proxy's WebSocket stack (Jetty's message API) refuses invalid UTF-8 itself, with 1007, as LL-ERR-2 asks:
      // no filter ever sees the bytes to decode them wrongly.
      case ERR_2 -> Optional.of(v.switchId() + " needs the invalid UTF-8 of a text frame, which the proxy's WebSocket "
          + "stack refuses itself (close 1007) before any filter sees it; only the reference server started with "
          + "--violate " + v.switchId() + " breaks it");
      // The fault raises the transport's limit to four bytes a character; the upstream server keeps its own limit.
      case LIM_1 -> Optional.of(v.switchId() + " raises the message limit of the server's own transport, and a proxy "
          + "cannot raise the upstream server's limit; only the reference server started with --violate "
          + v.switchId() + " breaks it");
      default -> Optional.empty();
    };
  }

  /** Whether the breaking proxy can apply the switch in front of any server (see {@link #notThroughAProxy}). */
  public static boolean proxyable(Violation v) {
    return notThroughAProxy(v).isEmpty();
  }

  /**
   * The filters of switches the breaking proxy can apply: one supplier per filter, each
   * connection gets its own from each, sharing {@code peers}.
   *
   * @throws IllegalArgumentException for a switch that is not {@linkplain #proxyable proxyable}, saying why
   */
  public static List<Supplier<FrameFilter>> wireFilters(Collection<Violation> violations, Peers peers) {
    Assembly a = new Assembly(null, peers);
    for (Violation v : violations) {
      Optional<String> why = notThroughAProxy(v);
      if (why.isPresent()) {
        throw new IllegalArgumentException(why.get());
      }
      of(v).proxy().accept(a);
    }
    return a.filters();
  }

  static Fault of(Violation v) {
    return switch (v) {
      case TR_2 -> wire(ClientMessageFaults::noSubprotocol);
      case TR_3 -> wire(ClientMessageFaults::servesAnyProtocol);
      case TR_4 -> wire(ServerMessageFaults::binaryPongs);
      case MSG_1 -> wire(ServerMessageFaults::leftWithoutRoom);
      case MSG_2 -> wire(ClientMessageFaults::refusesUnknownMembers);
      case PAR_1 -> wire(ServerMessageFaults::inconsistentReconnect);
      case AUTH_2 -> wire(ServerMessageFaults::doubleAuthOk);
      case AUTH_3 -> wire(ServerMessageFaults::impostor);
      case AUTH_4 -> wire(ServerMessageFaults::sharedSessionId);
      case AUTH_5 -> parts(a -> a.parts().verifier(TokenFaults.unverified(a.parts().verifier(), a.config().jwtSecret())));
      case AUTH_6 -> parts(a -> a.parts().verifier(TokenFaults.expiredAccepted(a.parts().verifier(), a.config().jwtSecret())));
      case AUTH_7 -> parts(a -> a.parts().verifier(TokenFaults.anyScope(a.parts().verifier(), a.config().jwtSecret())));
      case AUTH_8 -> wire(() -> CloseFaults.neverCloses(CloseCode.AUTH_TIMEOUT));
      case AUTH_9 -> wire(ClientMessageFaults::pongsBeforeAuth);
      case AUTH_10 -> wire(ClientMessageFaults::authOkAgain);
      case AUTH_11 -> wire(ClientMessageFaults::invalidAuthAnswered);
      case AUTH_12 -> wire(ServerMessageFaults::clockAhead);
      case HB_2 -> wire(ServerMessageFaults::noPongs);
      case HB_3 -> wire(() -> CloseFaults.neverCloses(CloseCode.HEARTBEAT_TIMEOUT));
      case HB_4 -> wireEach(a -> ClientMessageFaults.onlyPingsCount());
      case CHAT_1 -> wire(ServerMessageFaults::wrongAckId);
      // On the wire, not in the store: seqs counting down in the store would also stop deliveries (a session is sent
      // what is pending above the highest seq it was sent, LL-DLV-7), and the switch must break LL-CHAT-2 alone.
      case CHAT_2 -> wire(DeliveryFaults::seqsCountingDown);
      case CHAT_3 -> wire(ServerMessageFaults::trimmedBodies);
      case CHAT_4 -> wireEach(a -> RoutingFaults.clientChosenFrom());
      case CHAT_5 -> wireEach(a -> RoutingFaults.directChatsToEveryone(a.peers()));
      case CHAT_6 -> wireEach(a -> DeliveryFaults.deliveriesLate());
      case ROOM_1 -> wire(ServerMessageFaults::wrongJoinedId);
      case ROOM_2 -> wireEach(a -> RoutingFaults.oneMemberOnly());
      case ROOM_3 -> partsOr(a -> a.parts().rooms(RoomFaults.everyoneIsMember(a.parts().rooms())),
          a -> a.filter(RoutingFaults.joinsForOutsiders(a.memberships())));
      case ROOM_4 -> partsOr(a -> a.parts().rooms(RoomFaults.leavesKept(a.parts().rooms())),
          a -> a.sharedFilter(ClientMessageFaults.leavesAnsweredNotMade()));
      case ROOM_5 -> parts(a -> a.parts().rooms(RoomFaults.forgetsOnLastClose(a.parts().rooms(), a.departures())));
      case ROOM_6 -> wireEach(a -> RoutingFaults.roomChatsToTheSender(a.peers()));
      case DLV_2 -> wireEach(a -> DeliveryFaults.neverResends());
      case DLV_2_CUMULATIVE -> wireEach(a -> DeliveryFaults.cumulativeAcks());
      case DLV_3 -> wire(ClientMessageFaults::ignoresAcks);
      case DLV_4 -> parts(a -> a.parts().inbox(InboxFaults.dropsForOffline(a.parts().inbox(), a.peers())));
      case DLV_5 -> parts(a -> a.parts().inbox(InboxFaults.forgetsSentOnClose(a.parts().inbox(), a.departures())));
      case DLV_6 -> wire(() -> ClientMessageFaults.rewritingAuth(auth -> auth.remove("last_seq")));
      case DLV_7 -> parts(a -> a.parts().inbox(InboxFaults.backlogReversed(a.parts().inbox())));
      case DLV_8 -> parts(a -> a.parts().inbox(InboxFaults.dropsOldest(a.parts().inbox(),
          a.config().millis(SessionParameter.MAX_PENDING), a.config().millis(SessionParameter.MAX_PENDING_BYTES))));
      case DLV_9 -> wireEach(a -> {
        FrameFilter shared = DeliveryFaults.errorsOnUnknownAcks();
        return () -> shared;
      });
      case DLV_10 -> parts(a -> a.parts().inbox(InboxFaults.settlesForAll(a.parts().inbox())));
      case DLV_12 -> wire(ServerMessageFaults::epochPerSession);
      case DLV_13 -> partsOr(a -> {
        String epoch = a.parts().sequence().epoch();
        a.sharedFilter(ClientMessageFaults.rewritingAuth(auth -> {
          if (auth.has("last_seq")) {
            auth.put("epoch", epoch);
          }
        }));
      }, a -> a.filter(ClientMessageFaults.epochOfTheServerClaimed()));
      case DD_1 -> wire(ServerMessageFaults::repeatsNotMarked);
      case DD_1_WINDOW -> parts(a -> a.parts().dedup(new MemoryDedupStore(
          Math.max(1, a.config().millis(SessionParameter.DEDUP_WINDOW_MS) / 1_000))));
      case DD_2 -> wireEach(a -> RoutingFaults.repeatsDeliveredAgain(a.peers(), a.memberships()));
      case DD_3 -> parts(a -> a.filter(SigningFaults.dedupPerConnection(a.config().signingSecret())));
      case DD_4 -> partsOr(a -> a.parts().dedup(DedupFaults.idAlone(a.parts().dedup())),
          a -> a.filter(RoutingFaults.repeatsByIdAlone()));
      case DD_5 -> wireEach(a -> RoutingFaults.remembersRefusals());
      case LIM_1 -> wireEach(a -> ClientMessageFaults.limitInCharacters());
      case LIM_2 -> wire(ClientMessageFaults::halfTheLimit);
      case LIM_3 -> parts(a -> a.parts().rateLimits(RateLimitFaults.ALIGNED_WINDOWS));
      case LIM_3_ANCHORED -> parts(a -> a.parts().rateLimits(RateLimitFaults.ANCHORED_WINDOWS));
      case LIM_3_NONE -> parts(a -> a.parts().rateLimits(RateLimitFaults.NONE));
      case LIM_3_CHATS_ONLY -> parts(a -> {
        a.parts().rateLimits(RateLimitFaults.NONE);
        a.filter(RateFaults.countsChatsOnly());
      });
      case LIM_3_ACTS -> parts(a -> {
        a.parts().rateLimits(RateLimitFaults.NONE);
        a.filter(RateFaults.refusesThenActs());
      });
      case LIM_4 -> partsOr(a -> a.parts().rateLimits(RateLimitFaults.HALF_THE_RATE),
          a -> a.filter(RateFaults.halfTheRate()));
      case LIM_4_REFUSED -> partsOr(a -> a.parts().rateLimits(RateLimitFaults.COUNTS_REFUSED),
          a -> a.filter(RateFaults.countsRefused()));
      case LIM_5 -> wireEach(a -> RateFaults.countsPingsAndAcks());
      case LIM_6 -> new Fault(a -> {
        long advertised = a.config().millis(SessionParameter.MAX_CONNECTIONS_PER_USER);
        a.reconfigure(b -> b.set(SessionParameter.MAX_CONNECTIONS_PER_USER, (long) SessionParameter.MAX_CONNECTIONS_PER_USER.max()));
        a.sharedFilter(ServerMessageFaults.advertising(SessionParameter.MAX_CONNECTIONS_PER_USER, advertised));
      }, NOTHING, null);
      case LIM_9 -> parts(a -> a.parts().upgradeDeadlineMs(A_DAY_MS));
      case ERR_1 -> wire(ClientMessageFaults::ignoresBinary);
      case ERR_2 -> wire(ClientMessageFaults::replacesInvalidUtf8);
      case ERR_3 -> wire(CloseFaults::unreadableAnswered);
      case ERR_4 -> wire(ServerMessageFaults::unknownTypeCloses);
      case ERR_5 -> wire(ServerMessageFaults::noPointer);
      case ERR_6 -> wireEach(a -> {
        FrameFilter shared = CloseFaults.punishesTheUser(a.peers());
        return () -> shared;
      });
      case ERR_7 -> wire(ServerMessageFaults::vagueErrors);
      case ERR_8 -> parts(a -> a.readingRules(r -> new ReadingRules(com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_DEPTH,
          com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_NUM_LEN, r.acceptUnpairedSurrogates())));
      case ERR_9 -> partsOr(a -> a.readingRules(r -> new ReadingRules(r.maxDepth(), r.maxNumberLength(), true)),
          a -> a.sharedFilter(ClientMessageFaults.surrogatesAsQuestionMarks()));
      case ERRC_2 -> wireEach(a -> {
        FrameFilter shared = RoutingFaults.membershipBeforeDedup(a.memberships());
        return () -> shared;
      });
      case CLOSE_1 -> wire(CloseFaults::codeOutsideTheTable);
      case CLOSE_2 -> wire(CloseFaults::noReason);
      case SEC_3 -> partsOr(a -> a.sharedFilter(SigningFaults.urlTokens(a.parts().verifier())),
          a -> a.sharedFilter(SigningFaults.urlTokensForMalformed()));
      case SEC_4 -> parts(a -> a.sharedFilter(SigningFaults.unverifiedSignatures(a.config().signingSecret())));
      case SEC_5 -> parts(a -> a.sharedFilter(SigningFaults.futureTimestamps(a.config().signingSecret())));
      case SEC_5_WIDE -> parts(a -> a.sharedFilter(SigningFaults.windowInSeconds(a.config().signingSecret())));
      case SEC_5_NARROW -> wire(SigningFaults::narrowWindow);
      case SHUT_3 -> wire(ServerMessageFaults::noGoAwayBefore4009);
    };
  }

  /** A wire fault whose filter keeps no state: one instance serves every connection. */
  private static Fault wire(Supplier<FrameFilter> filter) {
    Consumer<Assembly> install = a -> a.sharedFilter(filter.get());
    return new Fault(NOTHING, install, install);
  }

  /** A wire fault with a filter of its own on every connection, made from what the assembly shares. */
  private static Fault wireEach(java.util.function.Function<Assembly, Supplier<FrameFilter>> filters) {
    Consumer<Assembly> install = a -> a.filter(filters.apply(a));
    return new Fault(NOTHING, install, install);
  }

  /** A fault that needs the server's parts, secrets or configuration: in the reference server only. */
  private static Fault parts(Consumer<Assembly> install) {
    return new Fault(NOTHING, install, null);
  }

  /** A fault of the server's parts, with filters of its own for a proxy, which break the same rule from outside. */
  private static Fault partsOr(Consumer<Assembly> install, Consumer<Assembly> proxy) {
    return new Fault(NOTHING, install, proxy);
  }
}
