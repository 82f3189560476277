@client
Feature: Close codes, client side (PROTOCOL.md §16)

  @LL-CLOSE-3 @must
  Scenario Outline: A close code outside the table is followed by a reconnect: <code>
    When the client connects
    And the client's session opens
    And the harness ends the session with "<code>"
    Then the client makes an attempt within the bounds of attempt 0

    Examples:
      | code |
      | 4999 |
      | 3000 |
