@client
Feature: Handshake and authentication, client side (PROTOCOL.md §7)

  @LL-AUTH-1 @must
  Scenario: Auth comes first and nothing else before auth_ok
    Given the harness holds auth_ok for 1000 ms
    When the client connects
    And the application sends a chat and joins a room
    Then nothing but auth arrived before auth_ok
