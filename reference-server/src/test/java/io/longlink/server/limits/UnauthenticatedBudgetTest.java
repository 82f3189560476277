package io.longlink.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.longlink.server.limits.UnauthenticatedBudget.Bound;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class UnauthenticatedBudgetTest {

  private static final InetAddress A = InetAddress.getLoopbackAddress();
  private static final InetAddress B = address("127.0.0.2");

  @Test
  void oneAddressCannotTakeMoreThanItsShare() {
    UnauthenticatedBudget budget = new UnauthenticatedBudget(10, 2);
    assertNull(budget.tryAdmit(A));
    assertNull(budget.tryAdmit(A));
    assertEquals(Bound.PER_ADDRESS, budget.tryAdmit(A));
    assertNull(budget.tryAdmit(B), "another address still gets in");
    assertEquals(3, budget.size());
    budget.release(A);
    assertNull(budget.tryAdmit(A), "a released place can be taken again");
  }

  @Test
  void theTotalBoundsEveryAddressTogether() {
    UnauthenticatedBudget budget = new UnauthenticatedBudget(3, 2);
    assertNull(budget.tryAdmit(A));
    assertNull(budget.tryAdmit(A));
    assertNull(budget.tryAdmit(B));
    assertEquals(Bound.TOTAL, budget.tryAdmit(B));
    budget.release(B);
    assertNull(budget.tryAdmit(B));
  }

  @Test
  void releasingAPlaceNotHeldIsADefect() {
    UnauthenticatedBudget budget = new UnauthenticatedBudget(3, 2);
    assertThrows(IllegalStateException.class, () -> budget.release(A));
    assertEquals(0, budget.size());
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
