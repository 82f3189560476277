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
