package io.longlink.kit.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {

  private static final List<URI> THREE = List.of(URI.create("ws://127.0.0.1:1/ws"), URI.create("ws://127.0.0.1:2/ws"),
      URI.create("ws://127.0.0.1:3/ws"));

  @Test
  void oneNodeTakesEveryConnectionAndLabelsStayShort() {
    Placement one = new Placement(THREE.subList(0, 1));
    assertEquals(0, one.next("alice"));
    assertEquals(0, one.next("bob"));
    assertEquals(0, one.next("alice"));
    assertFalse(one.spread());
  }

  @Test
  void senderAndRecipientSitOnDifferentNodesAndAReconnectMovesToAnother() {
    Placement three = new Placement(THREE);
    int alice = three.next("alice");
    int bob = three.next("bob");
    int carol = three.next("carol");
    assertEquals(List.of(0, 1, 2), List.of(alice, bob, carol), "the i-th role starts on node i");
    int aliceAgain = three.next("alice");
    assertNotEquals(alice, aliceAgain, "alice after a reconnect");
    assertEquals(1, aliceAgain);
    assertEquals(2, three.next("bob"), "each role moves on by one node per connection");
    assertEquals(2, three.next("alice"));
    assertEquals(0, three.next("alice"), "and wraps around");
    assertTrue(three.spread());
  }

  @Test
  void theSameScenarioGoesToTheSameNodesEveryRun() {
    Placement first = new Placement(THREE);
    Placement second = new Placement(THREE);
    for (String role : List.of("bob", "alice", "bob", "carol", "alice", "alice")) {
      assertEquals(first.next(role), second.next(role), role);
    }
  }
}
