package io.longlink.server.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.server.robustness.HostileInput.Attack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The ways an input reaches the server: in a session, before auth, in the handshake itself. */
final class Attacks {

  private Attacks() {}

  /** Frames built for the user the lane is authenticated as (signed chats need the sender's key). */
  @FunctionalInterface
  interface ForUser {
    List<String> frames(String user) throws Exception;
  }

  /** Text frames on this worker's session with the main server. */
  static Attack session(String... texts) {
    return arena -> arena.lane(arena.main()).exchange(texts(Arrays.asList(texts)));
  }

  /** Raw frames (any header bits) on this worker's session with the main server. */
  static Attack sessionFrames(byte[]... frames) {
    return arena -> arena.lane(arena.main()).exchange(List.of(frames));
  }

  /** Text frames, built for the lane's user, on this worker's session with another server. */
  static Attack sessionOn(Function<Arena, Target> target, ForUser build) {
    return arena -> {
      Lane lane = arena.lane(target.apply(arena));
      return lane.exchange(texts(build.frames(lane.user())));
    };
  }

  /** Text frames on a new session of its own (for inputs that count per connection, like floods). */
  static Attack freshSession(Function<Arena, Target> target, ForUser build) {
    return arena -> {
      try (Lane lane = new Lane(target.apply(arena), "fresh", arena.waitMs())) {
        return lane.exchange(texts(build.frames(lane.user())));
      }
    };
  }

  /** A chat to the witness: the session's answers, then what the witness received with this id. */
  static Attack toWitness(String id, Function<String, List<String>> chatsFor) {
    return arena -> {
      Observed seen = arena.lane(arena.main()).exchange(texts(chatsFor.apply(arena.witness().user())));
      return seen.withWitnessed(arena.witness().await(id, arena.waitMs()));
    };
  }

  /** Text frames on a new connection to the main server, before any auth. */
  static Attack beforeAuth(String... texts) {
    return beforeAuthFrames(texts(Arrays.asList(texts)).toArray(new byte[0][]));
  }

  /** Raw frames on a new connection to the main server, before any auth. */
  static Attack beforeAuthFrames(byte[]... frames) {
    return arena -> Exchange.run(WireClient.open(arena.main().uri()), null, List.of(frames), false, arena.waitMs());
  }

  /**
   * An upgrade request for {@code pathAndQuery} with these header lines, then these text frames.
   * A 101 shows as a first message {@code {"type":"101","subprotocol":...}}, so that expectations
   * can say which subprotocol the server selected.
   */
  static Attack handshake(String pathAndQuery, List<String> headers, boolean standard, String... texts) {
    return arena -> {
      long start = System.nanoTime();
      WireClient c;
      try {
        c = WireClient.open(arena.main().uri(), pathAndQuery.replace("{path}", arena.main().uri().getRawPath()), headers, standard);
      } catch (IOException e) {
        return new Observed(null, List.of(), Observed.End.RESET, 0, (System.nanoTime() - start) / 1_000_000, List.of());
      }
      if (c.status() != 101) {
        c.close();
        return new Observed(null, List.of(), Observed.End.HTTP, c.status(), (System.nanoTime() - start) / 1_000_000, List.of());
      }
      ObjectNode upgrade = JsonNodeFactory.instance.objectNode().put("type", "101");
      c.header("Sec-WebSocket-Protocol").forEach(p -> upgrade.put("subprotocol", p));
      Observed seen = Exchange.run(c, null, texts(Arrays.asList(texts)), false, arena.waitMs());
      List<JsonNode> messages = new ArrayList<>();
      messages.add(upgrade);
      messages.addAll(seen.messages());
      return new Observed(seen.user(), messages, seen.end(), seen.code(), seen.elapsedMs(), List.of());
    };
  }

  static List<byte[]> texts(List<String> texts) {
    List<byte[]> frames = new ArrayList<>();
    for (String t : texts) {
      frames.add(WireClient.text(t));
    }
    return frames;
  }
}
