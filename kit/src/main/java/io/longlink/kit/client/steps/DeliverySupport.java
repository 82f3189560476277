package io.longlink.kit.client.steps;

import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;

/** Deliveries the harness injects, from bob to the harness's user. */
final class DeliverySupport {

  private DeliverySupport() {}

  static void deliver(ClientWorld world, int connection, String id, long seq, boolean redelivered) {
    world.harness().connection(connection).send(new ChatDelivery(id, seq, "bob",
        new Recipient(RecipientKind.USER, "alice"), "a delivery from the harness", System.currentTimeMillis(), redelivered));
  }
}
