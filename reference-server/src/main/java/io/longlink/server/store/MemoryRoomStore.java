package io.longlink.server.store;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Room memberships in memory. */
public final class MemoryRoomStore implements RoomStore {

  private final Map<String, LinkedHashSet<String>> membersByRoom = new HashMap<>();
  private final Map<String, Set<String>> roomsByUser = new HashMap<>();

  @Override
  public boolean join(String room, String user) {
    boolean added = membersByRoom.computeIfAbsent(room, r -> new LinkedHashSet<>()).add(user);
    roomsByUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(room);
    return added;
  }

  @Override
  public boolean leave(String room, String user) {
    Set<String> members = membersByRoom.get(room);
    boolean removed = members != null && members.remove(user);
    if (members != null && members.isEmpty()) {
      membersByRoom.remove(room);
    }
    Set<String> rooms = roomsByUser.get(user);
    if (rooms != null) {
      rooms.remove(room);
      if (rooms.isEmpty()) {
        roomsByUser.remove(user);
      }
    }
    return removed;
  }

  @Override
  public boolean isMember(String room, String user) {
    Set<String> members = membersByRoom.get(room);
    return members != null && members.contains(user);
  }

  @Override
  public List<String> members(String room) {
    Set<String> members = membersByRoom.get(room);
    return members == null ? List.of() : List.copyOf(members);
  }
}
