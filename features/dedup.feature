@server
Feature: Dedup (PROTOCOL.md §12)
  Clients send a chat again whenever they are unsure it arrived. The server recognises a repeat
  by (sender, message id), acks it as a duplicate, and never delivers it twice.

  @LL-DD-1 @must
  Scenario: A repeat is acked as duplicate with the original seq and time
    Given alice and bob have sessions
    When alice sends bob a chat and waits for its ack
    And alice sends that chat again
    Then alice receives an ack of the repeat marked duplicate, with the seq and time of the first ack

  @LL-DD-1 @must
  Scenario: A repeat some time later is still recognised, for as long as the dedup window lasts
    Given alice and bob have sessions
    When alice sends bob a chat and waits for its ack
    And alice sends that chat again two seconds later, or halfway through the dedup window if that is sooner
    Then alice receives an ack of the repeat marked duplicate, with the seq and time of the first ack

  @LL-DD-2 @must
  Scenario: A repeat is never delivered
    Given alice and bob have sessions
    When alice sends bob a chat and waits for its ack
    And bob receives that chat and acknowledges it
    And alice sends that chat again and waits for its ack
    And alice sends bob another chat
    Then the next chat bob receives from alice is the other one

  @LL-DD-3 @must
  Scenario: A repeat on a new connection after a reconnect is recognised
    Given alice and bob have sessions
    When alice sends bob a chat and waits for its ack
    And bob receives that chat and acknowledges it
    And alice's connection drops
    And alice has a session again
    And alice sends that chat again
    Then alice receives an ack of the repeat marked duplicate, with the seq and time of the first ack
    When alice sends bob another chat
    Then the next chat bob receives from alice is the other one

  @LL-DD-4 @must
  Scenario: The same id from two senders is two chats
    Given alice, bob and carol have sessions
    When alice and carol each send bob a chat with the id "same-id"
    Then neither ack is marked duplicate
    And bob receives both chats, one from alice and one from carol

  @LL-DD-5 @must
  Scenario: A refused chat can be sent again and accepted
    Given alice and bob have sessions
    And bob is a member of the room "lobby"
    When alice sends a chat to the room "lobby"
    And alice receives an error "not_member" about that chat
    And alice joins the room "lobby"
    And alice sends that chat again
    Then alice receives the ack of that chat, not marked duplicate
    And bob receives that chat from alice
