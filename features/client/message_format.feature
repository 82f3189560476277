@client
Feature: Message format, client side (PROTOCOL.md §4)

  @LL-MSG-4 @must
  Scenario: Every message of every type the client sends validates against its schema
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    When the client connects
    And the client's session opens
    And the application sends a chat and joins a room
    And the application also leaves the room and gets a delivery
    Then every frame the client sent within 1000 ms was a valid client message

  @LL-MSG-3 @must
  Scenario: Members no schema defines are ignored in every message the harness sends
    Given the harness advertises a heartbeat of 400 ms and a timeout of 2000 ms
    And the harness adds unknown members to every message it sends
    When the client connects
    And the client's session opens although auth_ok carries unknown members
    And the application sends chats the harness acks, acks as a duplicate and refuses, joins and leaves a room, and gets a delivery
    Then the driver reports each answer as without them: acked, acked as a duplicate, failed, joined, left, delivered
    And the client neither closes nor reports an error or a reconnect for the heartbeat timeout after the delivery
    And after a goaway with unknown members and a hint of 900 ms the next attempt waits for the hint, and its session opens
