@server
Feature: Message format (PROTOCOL.md §4)
  Every message is a JSON object with a type; receivers ignore members they do not know, which is
  what lets version 1.x add fields without breaking anyone.

  @LL-MSG-1 @must
  Scenario: Every kind of message the server sends validates against its schema
    Given alice and bob have sessions
    When alice makes the server answer with every kind of message it sends in a session
    Then every message alice and bob received validated against its schema

  @LL-MSG-2 @must
  Scenario: Members the schema does not define inside the recipient are ignored, and not delivered
    Given alice and bob have sessions
    When alice sends bob a chat whose recipient carries a member "x_future" that no schema defines
    Then alice receives the ack of that chat
    And bob receives that chat with a recipient of its kind and id only

  @LL-MSG-2 @must
  Scenario: Members the schema does not define are ignored
    Given alice and bob have sessions
    When alice sends bob a chat carrying a member "x_future" that no schema defines
    Then alice receives the ack of that chat
    And bob receives that chat from alice
