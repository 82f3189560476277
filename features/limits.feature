@server
Feature: Limits (PROTOCOL.md §14)
  A server protects itself with a size limit, a rate limit, a connection limit and a deadline
  on the upgrade, each advertised in auth_ok, each with its own outcome.

  @LL-LIM-1 @must
  Scenario Outline: A frame larger than the limit is closed with 1009: <text>
    Given alice has a session
    When alice sends a chat frame of "<text>" one byte larger than the advertised limit
    Then alice's connection is closed with code 1009

    Examples:
      | text                   |
      | ASCII                  |
      | three-byte characters  |

  @LL-LIM-2 @must
  Scenario: A frame of exactly the limit is accepted
    Given alice has a session
    When alice sends a chat frame exactly as large as the advertised limit
    Then alice receives the ack of that chat, not marked duplicate

  @LL-LIM-3 @must
  Scenario: Going over the rate is refused message by message, without a close
    Given alice has a session
    When alice sends one chat more than the advertised rate allows, at once
    Then alice receives an ack for each chat within the rate
    And alice receives an error "rate_limited" about the last chat, with a retry hint
    And alice's connection is still open

  @LL-LIM-4 @must
  Scenario: Chats up to the rate are all accepted
    Given alice has a session
    When alice sends exactly as many chats as the advertised rate allows, at once
    Then alice receives an ack for each of them

  @LL-LIM-5 @must
  Scenario: Pings and delivery acks do not count against the rate
    Given alice has a session
    When alice sends three times the advertised rate of pings and delivery acks
    And alice sends exactly as many chats as the advertised rate allows, at once
    Then alice receives an ack for each of them

  @LL-LIM-6 @must
  Scenario: One connection more than the limit is closed with 4009, the others stay
    Given alice holds as many sessions as the advertised limit allows
    When alice connects once more and authenticates
    Then that connection is closed with code 4009
    And that connection received no auth_ok
    And alice's first session still answers a ping

  @LL-LIM-6 @must
  Scenario: A session its client closed no longer counts toward the limit
    Given alice holds as many sessions as the advertised limit allows
    When alice closes her first session
    And alice connects once more and authenticates
    Then that connection gets a session
    And alice's second session still answers a ping

  @LL-LIM-9 @must
  Scenario: An upgrade request that never ends is closed on time
    Given the auth timeout the server advertises
    When a client starts a WebSocket upgrade and never finishes its request, sending a header line every quarter of the auth timeout
    Then the server closes the TCP connection no later than one second after the auth timeout
