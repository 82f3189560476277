@client
Feature: Security, client side (PROTOCOL.md §18)

  @LL-SEC-1 @must
  Scenario: A ws:// URL to a host that is not loopback is refused without an attempt
    When the application connects with ws: to a host that is not loopback
    Then the driver reports the error insecure_url and no connecting state
    And a connect to the loopback address 127.0.0.1 connects

  @LL-SEC-2 @must
  Scenario: The token never appears in the request URL
    When the client connects
    Then the client's session opens
    And every upgrade offered longlink.v1 and no request URL carried the token

  @LL-SEC-6 @must
  Scenario: Every copy of a chat, the resend included, is signed afresh with the session's key
    Given the harness signs chats
    And the harness acks no chat on the first connection
    When the client connects with the test signing key
    And the client's session opens
    And the application sends a chat to bob
    And the harness reads chat 1 and drops the connection
    Then the chat is sent again on connection 1, and every copy is signed afresh with the test key

  @LL-SEC-7 @should
  Scenario: Chats are signed on the server's clock, not the device's
    Given the harness signs chats, with a server_time 300000 ms ahead of its clock
    And the harness acks no chat on the first connection
    When the client connects with the test signing key
    And the client's session opens
    And the application sends a chat to bob
    And the harness reads chat 1 and drops the connection
    Then the chat is sent again on connection 1, and every copy's ts is on the server's clock

  @LL-SEC-8 @must
  Scenario: Without a signing key the client keeps a session that signs, and sends no chat on it
    Given the harness signs chats
    And the harness holds auth_ok for 500 ms
    When the client connects
    And the application sends a chat to bob
    And the client's session opens
    And the application sends a chat to bob
    Then over three heartbeat intervals no chat arrives and the client keeps the session
    And every chat is reported failed with no_signing_key, and the missing key as an error
