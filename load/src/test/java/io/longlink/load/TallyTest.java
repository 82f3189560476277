package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What is owed and what is a duplicate, place by place, whichever comes first: the ack or a delivery. */
class TallyTest {

  @Test
  void aRoomChatIsOwedToEveryOtherMemberOnceAcked() {
    Tally t = new Tally(100, 0, 4, 3);
    t.startAt(System.nanoTime());
    t.sent(0);
    t.delivered(0, 1, System.nanoTime());
    assertEquals(0, t.owed(), "nothing is owed before the ack");
    t.acked(0, System.nanoTime());
    assertEquals(2, t.owed(), "two members of three still owed");
    t.delivered(0, 2, System.nanoTime());
    t.delivered(0, 3, System.nanoTime());
    assertEquals(0, t.owed());
    assertEquals(3, t.deliveredCount());
    assertEquals(0, t.duplicates());
    assertEquals(0, t.deliveredUnacked());
  }

  @Test
  void aSecondDeliveryToTheSamePlaceIsADuplicateAndAnotherPlaceIsNot() {
    Tally t = new Tally(100, 0, 4, 3);
    t.startAt(System.nanoTime());
    t.delivered(5, 1, System.nanoTime());
    t.delivered(5, 1, System.nanoTime());
    t.delivered(6, 1, System.nanoTime());
    assertEquals(1, t.duplicates());
    assertEquals(2, t.deliveredCount());
    assertEquals(2, t.deliveredUnacked(), "chats 5 and 6 delivered, neither acked");
  }

  @Test
  void aRepeatedAckIsNotOwedTwice() {
    Tally t = new Tally(100, 0, 1, 1);
    t.startAt(System.nanoTime());
    t.acked(3, System.nanoTime());
    t.acked(3, System.nanoTime());
    assertEquals(1, t.owed());
    t.delivered(3, 0, System.nanoTime());
    assertEquals(0, t.owed());
  }

  @Test
  void whatWasOwedWhenTheServerStoppedIsToldApartFromWhatCameLater() {
    Tally t = new Tally(100, 0, 1, 1);
    t.startAt(System.nanoTime());
    t.acked(0, System.nanoTime());
    t.acked(1, System.nanoTime());
    t.delivered(1, 0, System.nanoTime());
    t.restarted();
    t.acked(2, System.nanoTime());
    assertEquals(2, t.owed());
    assertEquals(1, t.owedFromBeforeTheRestart(), "chat 0 was acked and not delivered when the server stopped");
    assertFalse(t.onlyOwedFromBeforeTheRestart(), "chat 2 may still come");
    t.delivered(2, 0, System.nanoTime());
    assertTrue(t.onlyOwedFromBeforeTheRestart());
  }
}
