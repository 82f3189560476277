@server
Feature: Session parameters (PROTOCOL.md §6)
  The server advertises every timing and size parameter in auth_ok; clients use exactly those.

  @LL-PAR-1 @must
  Scenario: The advertised parameters are in range and consistent with each other
    When alice has a session
    Then every session parameter alice was given is within its range and consistent with the others
