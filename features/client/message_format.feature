@client
Feature: Message format, client side (PROTOCOL.md §4)

  @LL-MSG-4 @must
  Scenario: Every message of every type the client sends validates against its schema
    When the client connects
    And the client's session opens
    And the application sends a chat and joins a room
    And the application also leaves the room and gets a delivery
    Then every frame the client sent within 1000 ms was a valid client message
