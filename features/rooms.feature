@server
Feature: Rooms (PROTOCOL.md §10)
  A room chat goes to every member but the sender. Membership belongs to the user, not to the
  connection.

  @LL-ROOM-1 @must
  Scenario: join is answered by joined, also for a member
    Given alice has a session
    When alice joins the room "lobby"
    And alice joins the room "lobby" again
    Then alice receives joined for each join, with its id and the room

  @LL-ROOM-2 @must
  Scenario: A room chat reaches every other member
    Given alice, bob and carol have sessions
    And alice, bob and carol are members of the room "lobby"
    When alice sends a chat to the room "lobby"
    Then alice receives the ack of that chat, not marked duplicate
    And bob receives that chat from alice
    And carol receives that chat from alice

  @LL-ROOM-3 @must
  Scenario: Only members can chat in a room
    Given alice and bob have sessions
    And bob is a member of the room "lobby"
    When alice sends a chat to the room "lobby"
    Then alice receives an error "not_member" about that chat
    And alice receives no ack of that chat before the answer to a later ping

  @LL-ROOM-4 @must
  Scenario: After leave, no more chats of the room arrive
    Given alice and bob have sessions
    And alice and bob are members of the room "lobby"
    When bob leaves the room "lobby"
    Then bob receives left for that leave, with its id and the room
    When alice sends a chat to the room "lobby"
    And alice sends bob a chat
    Then the first chat bob receives from alice is the one alice sent bob

  @LL-ROOM-5 @must
  Scenario: Membership outlives the member's connections
    Given alice and bob have sessions
    And alice and bob are members of the room "lobby"
    When bob closes all his connections
    And alice sends a chat to the room "lobby"
    And bob has a session again
    Then bob receives that chat from alice

  @LL-ROOM-6 @must
  Scenario: A room chat is not echoed to its sender
    Given alice and bob have sessions
    And alice and bob are members of the room "lobby"
    When alice sends a chat to the room "lobby" and waits for its ack
    And bob sends alice a chat
    Then the first chat alice receives is the one bob sent alice
