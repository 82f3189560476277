@client
Feature: Session parameters, client side (PROTOCOL.md §6)

  @LL-PAR-2 @must
  Scenario: The heartbeat follows the latest auth_ok, not the first
    Given the first session advertises a heartbeat of 150 ms and a timeout of 450 ms, later ones 800 ms and 2400 ms
    When the client connects
    And the client's session opens
    And the harness closes the first session with 1011 after the client's first ping
    Then over 2 intervals of the second session its pings keep LL-HB-1's bounds for that session's interval
