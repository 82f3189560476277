package io.longlink.server.faults.ports;

import io.longlink.server.store.RoomStore;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Room stores that let outsiders in, keep who left, or forget who went offline. Called under the hub's lock. */
public final class RoomFaults implements RoomStore {

  private final RoomStore rooms;
  private final boolean everyoneIsMember;
  private final boolean leavesKept;
  private final Departures departures;
  private final Map<String, Set<String>> roomsByUser = new HashMap<>();

  private RoomFaults(RoomStore rooms, boolean everyoneIsMember, boolean leavesKept, Departures departures) {
    this.rooms = rooms;
    this.everyoneIsMember = everyoneIsMember;
    this.leavesKept = leavesKept;
    this.departures = departures;
  }

  /** LL-ROOM-3: chats to rooms the sender has not joined accepted. */
  public static RoomStore everyoneIsMember(RoomStore rooms) {
    return new RoomFaults(rooms, true, false, null);
  }

  /** LL-ROOM-4: leave answered, the membership kept. */
  public static RoomStore leavesKept(RoomStore rooms) {
    return new RoomFaults(rooms, false, true, null);
  }

  /** LL-ROOM-5: a user's rooms forgotten when the user's last connection closes (on the store's next call). */
  public static RoomStore forgetsOnLastClose(RoomStore rooms, Departures departures) {
    return new RoomFaults(rooms, false, false, departures);
  }

  private void settle() {
    if (departures != null) {
      departures.drain(user -> {
        for (String room : roomsByUser.getOrDefault(user, Set.of())) {
          rooms.leave(room, user);
        }
        roomsByUser.remove(user);
      });
    }
  }

  @Override
  public boolean join(String room, String user) {
    settle();
    roomsByUser.computeIfAbsent(user, u -> new LinkedHashSet<>()).add(room);
    return rooms.join(room, user);
  }

  @Override
  public boolean leave(String room, String user) {
    settle();
    if (leavesKept) {
      return rooms.isMember(room, user);
    }
    roomsByUser.getOrDefault(user, new LinkedHashSet<>()).remove(room);
    return rooms.leave(room, user);
  }

  @Override
  public boolean isMember(String room, String user) {
    settle();
    return everyoneIsMember || rooms.isMember(room, user);
  }

  @Override
  public List<String> members(String room) {
    settle();
    return rooms.members(room);
  }
}
