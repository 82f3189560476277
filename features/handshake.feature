@server
Feature: Handshake and authentication (PROTOCOL.md §7)
  The first message of a connection is auth. A valid token gets auth_ok with the session
  parameters; every way auth can fail has its own close code.

  @LL-AUTH-2 @must
  Scenario: A valid token is answered by exactly one auth_ok, before anything else
    When alice connects and authenticates with a valid token
    Then the first message alice receives is an auth_ok
    And the next message after alice's next ping is its pong

  @LL-AUTH-3 @must
  Scenario: auth_ok names the user of the token
    When alice has a session
    Then alice's auth_ok names alice as its user

  @LL-AUTH-4 @must
  Scenario: Every connection gets its own session id
    When alice has two sessions
    Then alice's sessions have different session ids

  @LL-AUTH-5 @must
  Scenario Outline: A token the server cannot verify is refused with 4001
    When alice connects and authenticates with <token>
    Then alice's connection is closed with code 4001
    And alice received no auth_ok

    Examples:
      | token                              |
      | a token that is not a JWT          |
      | a valid token with a broken signature |

  @LL-AUTH-6 @must
  Scenario: An expired token is refused with 4002
    When alice connects and authenticates with an expired token
    Then alice's connection is closed with code 4002
    And alice received no auth_ok

  @LL-AUTH-6 @must
  Scenario: An expired token whose signature does not verify is refused with 4001, not 4002
    When alice connects and authenticates with an expired token with a broken signature
    Then alice's connection is closed with code 4001
    And alice received no auth_ok

  @LL-AUTH-7 @must
  Scenario: A user who is not allowed in is refused with 4003
    When alice connects and authenticates with a token of a user who is not allowed in
    Then alice's connection is closed with code 4003
    And alice received no auth_ok

  @LL-AUTH-8 @must
  Scenario: A connection that never authenticates is closed with 4004 on time
    Given the auth timeout the server advertises
    When alice connects and sends nothing
    Then alice's connection is closed with code 4004 between the auth timeout and one second after it

  @LL-AUTH-9 @must
  Scenario: A message before auth is refused with 4005
    When alice connects and pings before authenticating
    Then alice's connection is closed with code 4005
    And alice received no pong

  @LL-AUTH-9 @must
  Scenario Outline: Any readable first message but auth is refused with 4005, whatever its type or shape
    When alice connects and sends the frame <frame> before authenticating
    Then alice's connection is closed with code 4005
    And alice received no pong

    Examples:
      | frame                                  |
      | {"type":"typing","id":"t-1"}           |
      | {"type":"Auth","token":"x"}            |
      | {"type":"ping","id":"not a valid id!"} |
      | {"type":"pong","id":"p-1","ts":1}      |

  @LL-AUTH-10 @must
  Scenario: A second auth is refused with 4006 even when it fails its schema
    Given alice has a session
    When alice sends the frame {"type":"auth","token":""}
    Then alice's connection is closed with code 4006
    And alice received no second auth_ok

  @LL-AUTH-10 @must
  Scenario: A second auth is refused with 4006
    Given alice has a session
    When alice authenticates again on the same connection
    Then alice's connection is closed with code 4006
    And alice received no second auth_ok

  @LL-AUTH-11 @must
  Scenario: An auth that fails its schema is refused with 4001
    When alice connects and sends an auth without its client member
    Then alice's connection is closed with code 4001
    And alice received no auth_ok

  @LL-AUTH-12 @should
  Scenario: auth_ok tells the true time
    When alice has a session
    Then the server time in alice's auth_ok is within 5000 ms of the kit's clock
