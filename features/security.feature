@server
Feature: Security (PROTOCOL.md §18)
  Tokens travel only inside the session; a server can require every chat to be signed with a key
  that never crosses the connection, within a replay window.

  @LL-SEC-3 @must
  Scenario: A token in the URL does not authenticate
    When alice connects with a valid token in the URL query and authenticates with a token that is not a JWT
    Then alice's connection is closed with code 4001

  @LL-SEC-4 @must @signing
  Scenario Outline: A chat without a valid signature is refused
    Given alice and bob have sessions that sign chats
    When alice sends bob <chat>
    Then alice receives an error "bad_signature" about that chat
    And bob receives nothing from alice before her next chat

    Examples:
      | chat                                  |
      | an unsigned chat                      |
      | a chat signed with another user's key |

  @LL-SEC-5 @must @signing
  Scenario Outline: A signed chat outside the replay window is refused: ts <side>
    Given alice and bob have sessions that sign chats
    When alice sends bob a correctly signed chat whose ts is <side> the replay window
    Then alice receives an error "stale_message" about that chat
    And bob receives nothing from alice before her next chat

    Examples:
      | side          |
      | before        |
      | after         |

  @LL-SEC-5 @must @signing
  Scenario Outline: A signed chat inside the replay window is accepted: ts half a window <side> the clock
    Given alice and bob have sessions that sign chats
    When alice sends bob a correctly signed chat whose ts is half the replay window <side> the kit's clock
    Then alice receives the ack of that chat
    And bob receives that chat from alice

    Examples:
      | side     |
      | behind   |
      | ahead of |
