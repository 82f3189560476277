@server
Feature: Heartbeat and dead peers (PROTOCOL.md §8)
  Mini programs cannot send WebSocket control frames, so liveness is measured with ping and pong
  messages and, on both sides, by silence.

  @LL-HB-2 @must
  Scenario: Every ping is answered by one pong with its id, within the pong deadline
    Given alice has a session
    When alice pings with id "p-1"
    And alice pings without an id
    Then alice receives a pong with id "p-1" within the pong deadline
    And alice receives a pong without an id within the pong deadline
    And alice receives no other pong

  @LL-HB-3 @must
  Scenario: A silent session is closed with 4000 on time
    Given alice has a session
    When alice falls silent
    Then alice's connection is closed with code 4000 between the heartbeat timeout and one heartbeat interval after it

  @LL-HB-2 @must
  Scenario: A ping that fails its schema gets invalid_message and no pong
    Given alice has a session
    When alice sends the frame {"type":"ping","id":"not a valid id!"}
    Then alice receives an error "invalid_message" without ref, pointing at "/id"
    And alice received no pong
    And alice's connection still answers a ping

  @LL-HB-4 @must
  Scenario Outline: Any frame is a sign of life
    Given alice has a session
    When alice sends nothing but <traffic> for twice the heartbeat timeout
    Then alice's connection is still open

    Examples:
      | traffic       |
      | pings         |
      | room joins    |
      | delivery acks |
