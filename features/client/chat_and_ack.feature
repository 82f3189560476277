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
