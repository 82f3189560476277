@server
Feature: Bad input (PROTOCOL.md §15)
  Frames that are not Longlink close the connection with the code that says why; messages that
  can be read but not acted on get an error and leave the connection open. Nothing disturbs other
  connections.

  @LL-ERR-1 @must
  Scenario: A binary frame is closed with 1003
    Given alice has a session
    When alice sends a binary frame
    Then alice's connection is closed with code 1003

  @LL-ERR-2 @must
  Scenario: A text frame that is not UTF-8 is closed with 1007
    When alice connects and sends a text frame that is not valid UTF-8
    Then the server closes that raw connection with code 1007

  @LL-ERR-3 @must
  Scenario Outline: A frame that is not a JSON object with a string type is closed with 4008
    Given alice has a session
    When alice sends the frame <frame>
    Then alice's connection is closed with code 4008

    Examples:
      | frame                 |
      | hello                 |
      | [1,2,3]               |
      | {"id":"no-type"}      |
      | {"type":42}           |
      | {"type":"ping"        |

  @LL-ERR-4 @must
  Scenario: An unknown type gets an error and the connection stays open
    Given alice has a session
    When alice sends the frame {"type":"typing","id":"t-1"}
    Then alice receives an error "unknown_type" with ref "t-1"
    And alice's connection still answers a ping

  @LL-ERR-4 @must
  Scenario Outline: A server-to-client type sent by a client is an unknown type
    Given alice has a session
    When alice sends the frame <frame>
    Then alice receives an error "unknown_type" with ref "<ref>"
    And alice's connection still answers a ping

    Examples:
      | frame                                           | ref  |
      | {"type":"pong","id":"p-9","ts":1}               | p-9  |
      | {"type":"joined","id":"j-9","room":"lobby"}     | j-9  |

  @LL-ERR-5 @must
  Scenario Outline: A missing member is named by its own path, not its parent's
    Given alice has a session
    When alice sends the frame <frame>
    Then alice receives an error "invalid_message" with ref "<ref>", pointing at "<pointer>"

    Examples:
      | frame                                                        | ref | pointer |
      | {"type":"join","id":"j-1"}                                   | j-1 | /room   |
      | {"type":"chat","id":"c-1","to":{"kind":"user"},"body":"hi"}  | c-1 | /to/id  |

  @LL-ERR-5 @must
  Scenario: An invalid message gets an error naming the member, and is not acted on
    Given alice and bob have sessions
    When alice sends bob a chat whose recipient kind is "group"
    Then alice receives an error "invalid_message" about that chat, pointing at "/to/kind"
    And alice's connection still answers a ping
    And bob receives nothing from alice before her next chat

  @LL-ERR-6 @must
  Scenario: Bad input on one connection leaves the user's other connections alone
    Given alice has two sessions
    When alice's first session sends a binary frame
    Then alice's first session is closed with code 1003
    And alice's second session still answers a ping

  @LL-ERR-7 @should
  Scenario: An error says what was wrong
    Given alice and bob have sessions
    When alice sends bob a chat whose recipient kind is "group"
    Then the message of the error alice receives names the member "/to/kind"

  @LL-ERR-8 @must
  Scenario Outline: Unknown members are read up to the reading limits
    Given alice has a session
    When alice pings with id "p-limit" and an unknown member holding <content>
    Then alice receives a pong with id "p-limit"

    Examples:
      | content                                      |
      | arrays nested to the depth limit             |
      | a number literal as long as the length limit |

  @LL-ERR-8 @must
  Scenario Outline: A frame beyond the reading limits is closed with 4008
    Given alice has a session
    When alice pings with id "p-beyond" and an unknown member holding <content>
    Then alice's connection is closed with code 4008

    Examples:
      | content                                                      |
      | arrays nested one level deeper than the depth limit          |
      | a number literal one character longer than the length limit  |

  @LL-ERR-9 @must
  Scenario Outline: A string with an unpaired surrogate gets an error naming the member, and is not acted on
    Given alice and bob have sessions
    When alice sends bob a chat whose "<member>" holds an unpaired surrogate
    Then alice receives an error "invalid_message" about that chat, pointing at "<pointer>"
    And bob receives nothing from alice before her next chat

    Examples:
      | member         | pointer   |
      | body           | /body     |
      | recipient id   | /to/id    |
      | unknown member | /x_future |
