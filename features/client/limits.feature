@client
Feature: Limits, client side (PROTOCOL.md §14)

  @LL-LIM-8 @must
  Scenario: A chat larger than max_message_bytes is reported failed and never sent
    Given the harness advertises max_message_bytes 1024
    When the client connects
    And the client's session opens
    And the application sends a chat whose body is 2000 bytes
    And the application sends a chat whose body is 700 bytes
    Then the chat of 2000 bytes is reported failed with too_large
    And the chat of 700 bytes arrives
    And no frame of the client was larger than max_message_bytes

  @LL-LIM-8 @must
  Scenario: Twenty chats sent at once leave at most rate_messages per rate window
    Given the harness advertises a rate limit of 5 messages per 1000 ms
    When the client connects
    And the client's session opens
    And the application sends 20 chats at once
    Then every chat of the burst arrives within 4 rate windows of the first, none reported failed
    And no more than rate_messages of them arrived within any rate window less τ

  @LL-LIM-13 @should
  Scenario: Chats are paced over a tenth more than the rate window
    # 15 τ (6000 ms by default), so that the margin, 1.5 τ, stands out of the lateness τ forgives.
    Given the harness advertises a rate limit of 5 messages per 15 τ
    When the client connects
    And the client's session opens
    And the application sends 10 chats at once
    Then every chat of the burst arrives within 2 rate windows of the first, none reported failed
    And no more than rate_messages of them arrived within any 1.1 rate windows less τ
