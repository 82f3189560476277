@server
Feature: Chat and ack (PROTOCOL.md §9)
  The server acks every chat it accepts with the chat's id and a seq, and delivers it with the
  sender stamped from the authenticated identity. An ack is a promise: the chat is stored.

  @LL-CHAT-1 @must
  Scenario: An accepted chat is acked with its id, a seq and the time
    Given alice and bob have sessions
    When alice sends bob a chat
    Then alice receives the ack of that chat, not marked duplicate

  @LL-CHAT-2 @must
  Scenario: A later chat gets a larger seq
    Given alice and bob have sessions
    When alice sends bob a chat and waits for its ack
    And alice sends bob another chat and waits for its ack
    Then the second ack's seq is larger than the first's

  @LL-CHAT-3 @must
  Scenario: A direct chat reaches every session of its recipient as it was sent
    Given alice has a session
    And bob has two sessions
    When alice sends bob a chat
    Then each of bob's sessions receives that chat as alice sent it, with the seq and time of its ack

  @LL-CHAT-4 @must
  Scenario: The sender is stamped by the server
    Given alice and bob have sessions
    When alice sends bob a chat that claims to be from "mallory"
    Then bob receives that chat from alice

  @LL-CHAT-5 @must
  Scenario: A direct chat reaches nobody but its recipient
    Given alice, bob and carol have sessions
    When alice sends bob a chat
    And alice sends carol a chat
    Then the first chat carol receives from alice is the one alice sent carol

  @LL-CHAT-6 @must
  Scenario: An acked chat is stored before the ack
    Given alice has a session
    And bob has a connection that has not authenticated yet
    When alice sends bob a chat and waits for its ack
    And bob authenticates right after the ack and pings
    Then bob receives that chat before the pong
