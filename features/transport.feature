@server
Feature: Transport (PROTOCOL.md §3)
  Longlink runs over WebSocket with the subprotocol longlink.v1, in text frames that each hold
  one JSON object.

  @LL-TR-2 @must
  Scenario: The server selects longlink.v1 when the client offers it
    When alice connects offering the subprotocol "longlink.v1"
    Then the server selected the subprotocol "longlink.v1" for alice

  @LL-TR-3 @must
  Scenario: A client that does not offer longlink.v1 is closed with 4007
    When alice connects offering no subprotocol
    Then alice's connection is closed with code 4007

  @LL-TR-3 @must
  Scenario: A client that offers only a case variant of longlink.v1 is closed with 4007
    When alice connects offering the subprotocol "LONGLINK.V1"
    Then alice's connection is closed with code 4007

  @LL-TR-4 @must
  Scenario: The server sends text frames that each hold one JSON object
    Given alice has a session
    When alice pings with id "p-1"
    Then alice receives a pong with id "p-1"
    And every frame alice received was a text frame holding one JSON object
