@server
Feature: Delivery, offline delivery and resume (PROTOCOL.md §11)
  The server keeps every delivery until its recipient acknowledges it: it sends it again when
  unacknowledged, keeps it across disconnects, and resumes from the point the client names, but
  only within the history (epoch) that point belongs to.

  @LL-DLV-2 @must
  Scenario: An unacknowledged delivery is sent again on time
    Given alice and bob have sessions
    When alice sends bob a chat
    And bob receives that chat and does not acknowledge it
    Then bob receives that chat again, marked redelivered, between the ack timeout and twice the ack timeout after the first time

  @LL-DLV-2 @must
  Scenario: A delivery that stays unacknowledged is sent again after every ack timeout
    Given alice and bob have sessions
    When alice sends bob a chat
    And bob receives that chat and does not acknowledge it
    Then bob receives that chat again, marked redelivered, between the ack timeout and twice the ack timeout after the first time
    And bob receives that chat a third time, marked redelivered, between the ack timeout and twice the ack timeout after the second time

  @LL-DLV-2 @must
  Scenario: A delivery that waited for its recipient's session is sent again on time too
    Given bob has no session
    And alice has a session
    When alice sends bob a chat
    And bob has a session again
    And bob receives that chat and does not acknowledge it
    Then bob receives that chat again, marked redelivered, between the ack timeout and twice the ack timeout after the first time

  @LL-DLV-2 @must
  Scenario: Acknowledging a later delivery does not settle an earlier one
    Given alice and bob have sessions
    When alice sends bob 2 chats
    And bob receives those 2 chats and acknowledges only the second
    Then bob receives the first of them again, marked redelivered, between the ack timeout and twice the ack timeout after the first time

  @LL-DLV-3 @must
  Scenario: An acknowledged delivery is not sent again
    Given alice and bob have sessions
    When alice sends bob a chat
    And bob receives that chat and acknowledges it
    Then bob receives no copy of that chat within two and a half ack timeouts

  @LL-DLV-4 @must
  Scenario: An offline user gets its chats right after auth_ok, in seq order
    Given bob has no session
    And alice has a session
    When alice sends bob 3 chats
    And bob has a session again and pings
    Then bob receives those 3 chats in seq order before the pong

  @LL-DLV-5 @must
  Scenario: Deliveries left unacknowledged on a closed connection come again on the next
    Given alice and bob have sessions
    When alice sends bob 2 chats
    And bob receives those chats without acknowledging them
    And bob closes his connection
    And bob has a session again
    Then bob receives those 2 chats again, marked redelivered

  @LL-DLV-6 @must
  Scenario: The resume point counts as acknowledged
    Given bob has no session
    And alice has a session
    When alice sends bob 3 chats
    And bob resumes after the second of them and pings
    Then bob receives only the third of them before the pong

  @LL-DLV-7 @must
  Scenario: Deliveries from several senders arrive in seq order
    Given bob has no session
    And alice and carol have sessions
    When alice and carol take turns sending bob 4 chats
    And bob has a session again
    Then bob receives those 4 chats in increasing seq order

  @LL-DLV-8 @must
  Scenario: A full queue refuses new chats and keeps the old ones
    Given bob has no session
    And alice has a session
    When alice fills bob's queue of pending deliveries
    And alice sends bob one more chat
    Then alice receives an error "queue_full" about that chat, with a retry hint
    And bob receives the first chat of the queue when he has a session again

  @LL-DLV-8 @must
  Scenario: A queue full of bytes refuses new chats and keeps the old ones
    Given bob has no session
    And alice has a session
    When alice fills bob's queue with chats up to its bytes
    And alice sends bob one more chat that would take his queue past its bytes
    Then alice receives an error "queue_full" about that chat, with a retry hint
    And bob receives every chat of the queue, none dropped, when he has a session again

  @LL-DLV-9 @must
  Scenario: An ack of an unknown seq is ignored
    Given alice has a session
    When alice acknowledges a seq that was never delivered to her
    And alice pings with id "after-ack"
    Then the next message alice receives is a pong with id "after-ack"

  @LL-DLV-10 @must
  Scenario: An ack settles only the acknowledging user's delivery
    Given alice, bob and carol have sessions
    And alice, bob and carol are members of the room "lobby"
    When alice sends a chat to the room "lobby"
    And carol receives that chat and acknowledges it
    And bob receives that chat and does not acknowledge it
    Then bob receives that chat again, marked redelivered, between the ack timeout and twice the ack timeout after the first time

  @LL-DLV-12 @must
  Scenario: Every session of a running server gets the same epoch
    Given alice and bob have sessions
    When bob closes his connection
    And bob has a session again
    Then every session of the scenario got one and the same epoch

  @LL-DLV-13 @must
  Scenario: A resume point from another epoch settles nothing
    Given bob has no session
    And alice has a session
    When alice sends bob 2 chats
    And bob resumes after those chats with an epoch that is not the server's, and pings
    Then bob receives those 2 chats in seq order before the pong

  @LL-DLV-13 @must
  Scenario: A resume point without an epoch settles nothing
    Given bob has no session
    And alice has a session
    When alice sends bob 2 chats
    And bob resumes after those chats without an epoch, and pings
    Then bob receives those 2 chats in seq order before the pong
