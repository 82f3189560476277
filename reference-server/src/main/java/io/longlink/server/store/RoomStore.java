package io.longlink.server.store;

import java.util.List;

/** Room memberships: they belong to users, not connections. Callers serialise access. */
public interface RoomStore {

  /** Makes the user a member; false when it already was one. */
  boolean join(String room, String user);

  /** Ends the membership; false when there was none. */
  boolean leave(String room, String user);

  boolean isMember(String room, String user);

  /** The members, in the order they joined. */
  List<String> members(String room);
}
