@client
Feature: Dedup, client side (PROTOCOL.md §12)
  Repeats are recognised by (from, id), whatever their seq; every copy is acked. A chat whose
  dedup window ran out without an ack is given up, never sent again.

  @LL-DD-6 @must
  Scenario: A repeated delivery is handed to the application once and acked every time
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the application processes deliveries 400 ms after it gets them
    And the harness delivers "m1" from "alice" with seq 50
    And the harness delivers "m1" from "alice" with seq 50 again
    Then the client acks seq 50 after its processing and within half the ack timeout of it
    When the harness delivers "m1" from "alice" with seq 50 again
    Then the client acks the repeat of seq 50 within half the ack timeout of its arrival
    When the harness delivers "m1" from "alice" with seq 51
    Then the client acks the repeat of seq 51 within half the ack timeout of its arrival
    When the harness delivers "m1" from "bob" with seq 52
    Then the client acks seq 52 after its processing and within half the ack timeout of it
    And the application got "m1" from "alice" once and "m1" from "bob" once

  @LL-DD-7 @must
  Scenario: A chat unacked when its dedup window ran out offline is reported not confirmed, not resent
    Given the harness advertises a dedup window of 1000 ms
    And the harness advertises reconnect delays from 200 ms, multiplier 1.5, at most 400 ms, jitter 0.5
    And the harness acks no chat, and closes attempts with 1011 before auth_ok until the window and τ have passed since the chat arrived
    When the client connects
    And the client's session opens
    And the application sends a chat, which the harness reads before it drops the connection
    Then the client reports the chat not confirmed by τ after the next auth_ok, and does not send it again

  @LL-DD-7 @must
  Scenario: A restarted client does not resend a stored chat whose dedup window has passed
    Given the harness advertises a dedup window of 1000 ms
    When the client restarts with a chat in its outbox first sent two dedup windows ago
    Then the client reports the chat not confirmed by τ after the next auth_ok, and does not send it again
