@client
Feature: Reconnect, client side (PROTOCOL.md §13)
  Waits are measured on the wire, from the end of a connection (the harness's close or drop, or
  the client's close) to the next TCP connection, and judged as §13 "Judging the backoff" says.

  @LL-RC-1 @must
  Scenario Outline: The client reconnects after a session ends with <end>
    When the client connects
    And the client's session opens
    And the harness ends the session with "<end>"
    Then the client makes an attempt within the bounds of attempt 0

    Examples:
      | end            |
      | drop           |
      | 1001           |
      | 1003           |
      | 1007           |
      | 1009           |
      | 1011           |
      | goaway 1012 0  |
      | goaway 1013 0  |
      | 4000           |
      | 4004           |
      | 4005           |
      | 4006           |
      | 4008           |
      | goaway 4009 0  |
      | 4010           |

  @LL-RC-2 @LL-RC-3 @must
  Scenario: Reconnect delays grow with the multiplier up to the cap, one attempt at a time
    Given the harness advertises reconnect delays from 500 ms, multiplier 2.0, at most 2000 ms, jitter 0.5
    And every attempt after the first session is closed with 1011 before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "1011"
    Then reconnect attempts 0 to 4 each wait within their bounds

  @LL-RC-2 @must
  Scenario: Reconnect delays are drawn at random
    Given the harness advertises reconnect delays from 2000 ms, multiplier 1.0, at most 2000 ms, jitter 1.0
    And every attempt after the first session is closed with 1011 before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "1011"
    Then reconnect attempts 0 to 7 each wait within their bounds
    And their normalised waits spread over at least a tenth of their intervals

  @LL-RC-5 @must
  Scenario: No reconnect after the application closed the client
    When the client connects
    And the client's session opens
    And the application closes the client
    Then no attempt arrives within twice the upper bound of attempt 0

  @LL-RC-5 @must
  Scenario: A close with 1000 the client did not ask for is followed by a reconnect
    When the client connects
    And the client's session opens
    And the harness ends the session with "1000"
    Then the client makes an attempt within the bounds of attempt 0

  @LL-RC-6 @must
  Scenario Outline: No reconnect after <code>, until the application connects again
    When the client connects
    And the client's session opens
    And the harness ends the session with "<code>"
    Then no attempt arrives within twice the upper bound of attempt 0
    And the driver reports the state closed
    And after a new connect with a new token an attempt arrives within τ

    Examples:
      | code |
      | 4001 |
      | 4002 |
      | 4003 |
      | 4007 |

  @LL-RC-8 @must
  Scenario: Chats queued while offline are flushed after auth_ok with their ids, unacked ones first
    Given the harness acks the first 0 chats of the first session and no other, then closes attempts with 1011 until connection 2
    When the client connects
    And the client's session opens
    And the application sends chat "c1"
    And the harness reads chat 1 and drops the connection
    And the application sends chat "c2"
    And the application sends chat "c3"
    Then after auth_ok on connection 2 the chats arrive as "1, 2, 3" with their ids
