package io.longlink.client.driver.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.longlink.client.Harness;
import io.longlink.client.transport.FakeLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryFaultsTest {

  @Test
  void repeatsReachTheApplication() {
    FaultHarness h = new FaultHarness(Violation.DD_6);
    FakeLink link = h.session(Harness.authOk());
    h.receive(link, FaultHarness.delivery("alice", "m1", 50, false));
    h.receive(link, FaultHarness.delivery("alice", "m1", 50, true));
    h.receive(link, FaultHarness.delivery("alice", "m1", 51, false));
    assertEquals(List.of("alice/m1", "alice/m1", "alice/m1"), h.handedOver, "LL-DD-6");
    assertEquals(3, FaultHarness.framesOf(link, "ack").size(), "every copy still acknowledged");
  }
}
