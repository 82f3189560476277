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

  @LL-RC-4 @must
  Scenario: Attempts whose socket opened count in n, and auth_ok resets it
    # Jitter 0.25 and a cap of 3200 ms keep attempt 4 (2400-3200 ms) far above attempt 0 plus any τ up to 2 s.
    Given the harness advertises reconnect delays from 200 ms, multiplier 2.0, at most 3200 ms, jitter 0.25
    And the first 3 attempts after the first session are closed with 1011 after auth, before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "1011"
    Then reconnect attempts 0 to 3 wait longer and longer, though each attempt's socket opened
    And once that attempt's session opens and ends with 1011, the next attempt waits as attempt 0

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

  @LL-RC-7 @must
  Scenario Outline: A goaway's retry_after_ms <where> is honoured, and the hinted attempt counts in n
    Given the harness advertises reconnect delays from 800 ms, multiplier 2.5, at most 4000 ms, jitter 0.25
    And every attempt after the first session is closed with 1011 before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "goaway 1012 <retry_after_ms>"
    Then reconnect attempts 0 to 1 each wait within their bounds

    # lo_0 600 ms, hi_0 800 ms: the first hint is above hi_0 + τ, the second below lo_0.
    Examples:
      | where       | retry_after_ms |
      | above hi_0  | 1300           |
      | below lo_0  | 100            |

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

  @LL-RC-9 @must
  Scenario: Joins and leaves queued while offline go out in order with the chats, on every session until answered
    Given the harness advertises reconnect delays from 200 ms, multiplier 2.0, at most 1600 ms, jitter 0.5
    And the harness closes the first attempt with 1011 before auth_ok, answers nothing on the next session, and answers on the one after
    When the client connects
    And the client's session opens
    And the harness ends the session with "drop"
    And once that attempt failed, the application joins the room, sends a chat to it and leaves it
    Then on connection 2, unanswered and dropped, and again on connection 3, they arrive in that order with their ids

  @LL-RC-10 @must
  Scenario Outline: A platform event cuts the backoff wait at most once, and the early attempt counts in n: <event>
    Given the harness advertises reconnect delays from 1000 ms, multiplier 2.0, at most 8000 ms, jitter 0.25
    And every attempt after the first session is closed with 1011 before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "1011"
    And while the client waits, the platform reports "<away>" then "<back>"
    Then attempt 0 comes at once after that event or when its wait is over, never before the event nor the hint
    And reconnect attempt 1 still waits as attempt 1

    Examples:
      | event   | away            | back           |
      | network | network offline | network online |
      | app     | app background  | app foreground |

  @LL-RC-10 @must
  Scenario: A platform event does not cut the wait a goaway asked for
    Given the harness advertises reconnect delays from 1000 ms, multiplier 2.0, at most 8000 ms, jitter 0.25
    And every attempt after the first session is closed with 1011 before auth_ok
    When the client connects
    And the client's session opens
    And the harness ends the session with "goaway 1012 1500"
    And while the client waits, the platform reports "network offline" then "network online"
    Then attempt 0 comes at once after that event or when its wait is over, never before the event nor the hint
