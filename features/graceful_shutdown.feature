@server
Feature: Graceful shutdown and announced closes (PROTOCOL.md §19)
  A deliberate close that carries a retry hint is announced with goaway first.

  @LL-SHUT-3 @must
  Scenario: The connection limit is announced with goaway before the 4009 close
    Given alice holds as many sessions as the advertised limit allows
    When alice connects once more and authenticates
    Then that connection receives a goaway with code 4009 and a retry hint before it is closed with code 4009
