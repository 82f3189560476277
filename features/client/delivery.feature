@client
Feature: Delivery, offline delivery and resume, client side (PROTOCOL.md §11)
  Acks and resume points are judged on the wire. A delivery counts as processed when the
  driver's application finished it (DRIVER.md ack_policy): under auto with delay D, not sooner
  than D after the harness sent it and not later than the driver's processed line; under manual,
  when the kit sent the ack command.

  @LL-DLV-1 @must
  Scenario: Under ack_policy auto with a delay, a delivery is acked after its processing, and a repeat again
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the application processes deliveries 300 ms after it gets them
    And the harness delivers "m-1" from "bob" with seq 50
    Then the client acks seq 50 after its processing and within half the ack timeout of it
    When the harness delivers "m-1" from "bob" with seq 50 again
    Then the client acks the repeat of seq 50 within half the ack timeout of its arrival

  @LL-DLV-1 @must
  Scenario: Under ack_policy manual, a delivery is acked only once the application has processed it
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the application processes deliveries when the kit says so
    And the harness delivers "m-2" from "bob" with seq 51
    Then no ack of seq 51 arrives within 500 ms while it is not processed
    When the application has processed seq 51
    Then the client acks seq 51 after its processing and within half the ack timeout of it

  @LL-DLV-11 @must
  Scenario: The resume point stays below a delivery the application has not processed
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the application processes deliveries when the kit says so
    And the harness delivers "r-50" from "bob" with seq 50
    And the harness delivers "r-57" from "bob" with seq 57
    And the harness delivers "r-63" from "bob" with seq 63
    And the application has processed seq 50
    And the application has processed seq 63
    Then the client acks seq 50 after its processing and within half the ack timeout of it
    And the client acks seq 63 after its processing and within half the ack timeout of it
    When the harness drops the latest connection
    Then the auth of connection 1 carries no last_seq above 56

  @LL-DLV-11 @must
  Scenario: Once every delivery is processed, the resume point goes no higher than the highest seq
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the application processes deliveries when the kit says so
    And the harness delivers "r-50" from "bob" with seq 50
    And the harness delivers "r-57" from "bob" with seq 57
    And the harness delivers "r-63" from "bob" with seq 63
    And the application has processed seq 50
    And the application has processed seq 63
    And the application has processed seq 57
    Then the client acks seq 57 after its processing and within half the ack timeout of it
    When the harness drops the latest connection
    Then the auth of connection 1 carries no last_seq above 63

  @LL-DLV-14 @must
  Scenario: The resume point travels with its epoch, and a new history's epoch voids it
    Given the harness advertises an ack timeout of 1000 ms
    When the client connects
    And the client's session opens
    And the harness delivers "h1-1" from "bob" with seq 1
    And the harness delivers "h1-2" from "bob" with seq 2
    And the harness delivers "h1-3" from "bob" with seq 3
    Then the client acks seq 3 after its processing and within half the ack timeout of it
    When the harness restarts with a new history and drops the latest connection
    Then the client's session opens again on connection 1
    And the auth of connection 1 resumes, if at all, from at most seq 3 of history 1
    When the harness delivers "h2-1" from "bob" with seq 1
    Then the client acks seq 1 after its processing and within half the ack timeout of it
    When the harness drops the latest connection
    Then the auth of connection 2 resumes, if at all, from at most seq 1 of history 2
