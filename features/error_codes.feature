@server
Feature: Error codes (PROTOCOL.md §17)
  When several refusals apply to one chat, the server answers with the first of a fixed order,
  so that the client knows whether to resend. A server handles one connection's frames in order
  (PROTOCOL.md §7), so the repeat below reaches it after the leave without waiting for the left.

  @LL-ERRC-2 @must
  Scenario: A repeat of an accepted room chat is acked as a duplicate after its sender left the room
    Given alice and bob have sessions
    And alice and bob are members of the room "lobby"
    When alice sends a chat to the room "lobby" and waits for its ack
    And alice leaves the room "lobby"
    And alice sends that chat again
    Then alice receives an ack of the repeat marked duplicate, with the seq and time of the first ack
