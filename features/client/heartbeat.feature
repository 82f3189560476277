@client
Feature: Heartbeat and dead peers, client side (PROTOCOL.md §8)
  The harness advertises intervals of a few hundred milliseconds, far from the defaults, so that
  a client that keeps its own values shows it.

  @LL-HB-1 @must
  Scenario: The client pings when quiet, and not too often
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    When the client connects
    Then over 3 intervals every client frame follows auth_ok or the previous client frame by at most the interval
    And no two pings arrive less than half an interval apart

  @LL-HB-5 @must
  Scenario: A half-open link is declared dead on time, closed, and followed by a new attempt
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    And the harness goes silent after its first pong, still answering WebSocket pings
    When the client connects
    Then the client closes the silent connection within the timeout of the harness's last frame
    And it makes a new attempt within the bounds of attempt 0

  @LL-HB-6 @should
  Scenario: A link declared dead is closed with 4000
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    And the harness goes silent after its first pong, still answering WebSocket pings
    When the client connects
    Then the client closes the silent connection within the timeout of the harness's last frame
    And its close frame carries 4000

  @LL-HB-8 @must
  Scenario Outline: An attempt that gets no auth_ok is given up after the heartbeat timeout: <row>
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    And the attempt after the first session gets no answer to <what>
    When the client connects
    And the client's session opens
    And the harness ends the session with "1011"
    Then the client gives that attempt up within the timeout of its start
    And its next attempt waits as attempt 1

    Examples:
      | row                      | what    |
      | upgraded, auth unanswered | auth    |
      | upgrade unanswered       | upgrade |

  @LL-HB-7 @must
  Scenario: Deliveries keep the link alive although no ping is answered
    Given the harness advertises a heartbeat of 200 ms and a timeout of 600 ms
    And the harness answers no ping, nor anything else the client sends but auth
    When the client connects
    And the client's session opens
    Then while the harness sends a delivery every third of the timeout for 3 timeouts, the client neither closes nor reports a reconnect
    And the driver reports every one of those deliveries
