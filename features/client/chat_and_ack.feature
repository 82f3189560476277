@client
Feature: Chat and ack, client side (PROTOCOL.md §9)

  @LL-CHAT-7 @must
  Scenario: An unacknowledged chat is sent again with its id on the next session, an acknowledged one is not
    Given the harness acks the first 1 chat of the first session and no other, then closes attempts with 1011 until connection 1
    When the client connects
    And the client's session opens
    And the application sends chat "acked"
    And the application sends chat "unacked"
    And the harness reads chat 2 and drops the connection
    Then after auth_ok on connection 1 the chats arrive as "2" with their ids
    And no further chat arrives on connection 1 within 1000 ms

  @LL-CHAT-8 @must
  Scenario: Chats refused for now are sent again with their ids once the error's wait has passed
    Given the harness advertises reconnect delays from 1500 ms, multiplier 2.0, at most 6000 ms, jitter 0.5
    And the harness refuses the first copy of each chat with the error its body names, and acks the others
    When the client connects
    And the client's session opens
    And the application sends chats the harness refuses with:
      | code         | retry_after_ms |
      | rate_limited | 400            |
      | rate_limited |                |
      | queue_full   | 600            |
      | queue_full   |                |
      | unavailable  | 500            |
      | unavailable  |                |
    Then each chat is sent again with its id once the error's wait has passed, and not sooner

  @LL-CHAT-8 @must
  Scenario: Chats refused for good are reported failed with their code and never sent again
    Given the harness refuses the first copy of each chat with the error its body names, and acks the others
    When the client connects
    And the client's session opens
    And the application sends chats the harness refuses with:
      | code            |
      | invalid_message |
      | not_member      |
      | bad_signature   |
      | stale_message   |
      | unknown_type    |
    Then each chat is reported failed with its code within τ of its error
    And none of them is sent again within 1000 ms, nor on the next session
