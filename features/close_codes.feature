@server
Feature: Close codes (PROTOCOL.md §16)
  Every close code comes from one table, and a close carries a reason for people.

  @LL-CLOSE-1 @must
  Scenario Outline: The server closes only with codes of the table
    Given alice has a session
    When alice sends <input>
    Then alice's connection is closed with a code of the close-code table

    Examples:
      | input                       |
      | the frame this is not json  |
      | a binary frame              |

  @LL-CLOSE-2 @should
  Scenario: A close carries a reason for people
    Given alice has a session
    When alice sends the frame this is not json
    Then alice's connection is closed with a reason for people of at most 123 bytes
