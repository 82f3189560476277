package io.longlink.kit.client.steps;

import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;

/** Deliveries the harness injects to the harness's user, from bob unless a step names the sender. */
final class DeliverySupport {

  private DeliverySupport() {}

  static void deliver(ClientWorld world, int connection, String id, long seq, boolean redelivered) {
    deliver(world, connection, "bob", id, seq, redelivered);
  }

  static void deliver(ClientWorld world, int connection, String from, String id, long seq, boolean redelivered) {
    world.harness().connection(connection).send(new ChatDelivery(id, seq, from,
        new Recipient(RecipientKind.USER, "alice"), "a delivery from the harness", System.currentTimeMillis(), redelivered));
  }
}
