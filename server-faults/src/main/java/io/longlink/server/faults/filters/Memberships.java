package io.longlink.server.faults.filters;

import io.longlink.server.faults.wire.FrameFilter;
import io.longlink.server.faults.wire.Json;
import io.longlink.server.faults.wire.Link;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The room memberships of one server as its joined and left answers show them: what the faults
 * that act on rooms know of them, on a proxy as well as in the server. {@link #tracker()} goes
 * on every connection.
 */
public final class Memberships {

  private final Map<String, Set<String>> membersByRoom = new ConcurrentHashMap<>();

  public Set<String> members(String room) {
    return Set.copyOf(membersByRoom.getOrDefault(room, Set.of()));
  }

  /** The filter that keeps this up to date from the answers a connection gets. */
  public FrameFilter tracker() {
    return new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        boolean joined = Json.isType(text, "joined");
        if (link.user() != null && (joined || Json.isType(text, "left"))) {
          String room = Json.parse(text).path("room").asText();
          Set<String> members = membersByRoom.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet());
          if (joined) {
            members.add(link.user());
          } else {
            members.remove(link.user());
          }
        }
        link.toClient(text);
      }
    };
  }
}
