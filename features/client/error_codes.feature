@client
Feature: Error codes, client side (PROTOCOL.md §17)

  @LL-ERRC-1 @must
  Scenario: A chat refused with a code the client does not know is settled, and never sent again
    Given the harness answers every chat with an error of code "x_unknown_refusal"
    When the client connects
    And the client's session opens
    And the application sends a chat the harness refuses
    Then the driver reports that chat failed with code "x_unknown_refusal" within τ of the error
    And the chat is not sent again within the initial reconnect delay plus τ
    And after the harness closes with 1011 the chat is not sent on the next session within 1000 ms of its auth_ok
