@client
Feature: Transport, client side (PROTOCOL.md §3)
  The harness plays the server; every connection of every scenario is also held to LL-TR-1 and
  LL-TR-5, and the rules below get scenarios of their own.

  @LL-TR-1 @must
  Scenario: The client offers longlink.v1 when it opens the connection
    When the client connects
    Then the client's session opens
    And every upgrade offered longlink.v1 and no request URL carried the token

  @LL-TR-5 @must
  Scenario: Every frame of the client is a text frame with one JSON object
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    When the client connects
    And the client's session opens
    And the application sends a chat and joins a room
    And the application also leaves the room and gets a delivery
    Then every frame the client sent within 1000 ms was a valid client message

  @LL-TR-6 @must
  Scenario: A silent server is found out although its WebSocket layer still answers pings
    Given the harness advertises a heartbeat of 400 ms and a timeout of 1200 ms
    And the harness goes silent after its first pong, still answering WebSocket pings
    When the client connects
    Then the client closes the silent connection within the timeout of the harness's last frame
