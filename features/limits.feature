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
  Scenario: Going over the rate is refused message by message, without a close, and not acted on
    Given alice, bob and carol have sessions
    When alice sends one chat more than the advertised rate allows, at once, the last one to bob
    Then alice receives an ack for each chat within the rate
    And alice receives an error "rate_limited" about the last chat, with a retry hint
    And alice's connection is still open
    When carol sends bob a chat
    Then the first chat bob receives is the one carol sent bob

  @LL-LIM-3 @must
  Scenario: Joins and leaves count against the rate as chats do
    Given alice has a session
    When alice sends as many joins and leaves as the advertised rate allows and one chat, at once
    Then alice receives an error "rate_limited" about the last chat, with a retry hint

  @LL-LIM-3 @must
  Scenario: The rate window slides: chats late in one window still count early in the next
    Given alice has a session
    When alice sends chats in bursts timed to find the edges of a fixed window
    Then no more chats of alice's than the advertised rate got through within one window

  @LL-LIM-4 @must
  Scenario: Chats up to the rate are all accepted
    Given alice has a session
    When alice sends exactly as many chats as the advertised rate allows, at once
    Then alice receives an ack for each of them

  @LL-LIM-4 @must
  Scenario: Each connection has a rate of its own
    Given alice has two sessions
    When alice sends exactly as many chats as the advertised rate allows on each of her sessions, at once
    Then alice receives an ack for each of them

  @LL-LIM-4 @must
  Scenario: Chats refused for rate do not count against the rate
    Given alice has a session
    When alice sends as many chats as the advertised rate allows, as many again half a window later, and as many again once the first have left the window
    Then no chat of alice's was refused for rate unless the advertised rate of them had got through in the window before it

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
