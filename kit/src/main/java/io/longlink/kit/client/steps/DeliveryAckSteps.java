package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.model.DeliveryAck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Deliveries the harness sends, how the application processes them, and the client's acks of
 * them, judged on the wire (LL-DLV-1, LL-DD-6). The processing is the kit's to know: under
 * {@code auto} with delay D it cannot come sooner than D after the harness sent the delivery,
 * nor later than the driver's {@code processed} line; under {@code manual} it is the kit's
 * {@code ack} command (DRIVER.md §9).
 */
public final class DeliveryAckSteps {

  private final ClientWorld world;
  /** The harness's send of the latest copy of each seq, in nanos. */
  private final Map<Long, Long> sentAt = new HashMap<>();
  /** Under manual: when the kit sent the ack command of each seq, in nanos. */
  private final Map<Long, Long> processedAt = new HashMap<>();
  private boolean manual;
  private long delayMs;

  public DeliveryAckSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness advertises an ack timeout of {int} ms")
  public void ackTimeout(int ms) {
    world.params(world.params().withDelivery(ms, world.params().dedupWindowMs()));
  }

  @When("the application processes deliveries {int} ms after it gets them")
  public void auto(int ms) {
    world.carryOut(DriverProcess.newCommand("ack_policy").put("mode", "auto").put("delay_ms", ms));
    manual = false;
    delayMs = ms;
  }

  @When("the application processes deliveries when the kit says so")
  public void manual() {
    world.require("manual_ack");
    world.carryOut(DriverProcess.newCommand("ack_policy").put("mode", "manual"));
    manual = true;
  }

  @When("the harness delivers {string} from {string} with seq {long}")
  public void delivers(String id, String from, long seq) {
    deliver(from, id, seq, false);
  }

  @When("the harness delivers {string} from {string} with seq {long} again")
  public void redelivers(String id, String from, long seq) {
    deliver(from, id, seq, true);
  }

  private void deliver(String from, String id, long seq, boolean redelivered) {
    List<?> connections = world.harness().connections();
    sentAt.put(seq, System.nanoTime());
    DeliverySupport.deliver(world, connections.size() - 1, from, id, seq, redelivered);
  }

  @When("the application has processed seq {long}")
  public void processes(long seq) {
    // Seen already when the kit processes deliveries out of their order of arrival.
    boolean seen = world.driver().events().stream().anyMatch(e -> e.path("type").asText().equals("delivered")
        && e.path("seq").asLong() == seq);
    if (!seen) {
      world.driver().next("delivered", e -> e.path("seq").asLong() == seq, ClientWorld.ms(1000 + world.tau()));
    }
    processedAt.put(seq, System.nanoTime());
    world.carryOut(DriverProcess.newCommand("ack").put("seq", seq));
  }

  @Then("no ack of seq {long} arrives within {int} ms while it is not processed")
  public void noEarlyAck(long seq, int ms) {
    world.recorder().within(ackOf(seq, sentAt.get(seq)), ClientWorld.ms(ms)).ifPresent(ack -> {
      throw new CheckFailure("no ack of seq " + seq + " before the application processed it (LL-DLV-1)",
          "an ack of seq " + seq + " " + sinceSent(seq, ack) + " ms after the delivery, "
              + "with the delivery still waiting for the application's ack command");
    });
  }

  @Then("the client acks seq {long} after its processing and within half the ack timeout of it")
  public void acksAfterProcessing(long seq) {
    long bound = world.params().ackTimeoutMs() / 2 + world.tau();
    if (manual) {
      long processed = processedAt.get(seq);
      HarnessEvent ack = awaitAck(seq, sentAt.get(seq), processed, bound, "after its processing (the kit's ack command)");
      if (ack.nanos() < processed) {
        throw new CheckFailure("the ack of seq " + seq + " after the application processed it (LL-DLV-1)",
            "the ack arrived " + (processed - ack.nanos()) / 1_000_000 + " ms before the kit's ack command");
      }
      return;
    }
    world.driver().next("processed", e -> e.path("seq").asLong() == seq, ClientWorld.ms(delayMs + 1000 + world.tau()));
    HarnessEvent ack = awaitAck(seq, sentAt.get(seq), System.nanoTime(), bound, "after the driver's processed line");
    long afterDelivery = sinceSent(seq, ack);
    if (afterDelivery < delayMs - HeartbeatSteps.EARLY_MS) {
      throw new CheckFailure("the ack of seq " + seq + " no sooner than the processing, " + delayMs
          + " ms after the delivery less 50 ms (LL-DLV-1)", "the ack arrived " + afterDelivery + " ms after the delivery",
          new CheckFailure.Timing(afterDelivery, ">= " + (delayMs - HeartbeatSteps.EARLY_MS) + " ms"));
    }
  }

  @Then("the client acks the repeat of seq {long} within half the ack timeout of its arrival")
  public void acksRepeat(long seq) {
    long sent = sentAt.get(seq);
    awaitAck(seq, sent, sent, world.params().ackTimeoutMs() / 2 + world.tau(), "after the repeat's arrival");
  }

  @Then("the application got {string} from {string} once and {string} from {string} once")
  public void handedOverOnce(String id, String from, String otherId, String otherFrom) {
    // A second hand-over would be on its way by now; τ more lets a slow driver's line arrive.
    world.driver().within("delivered", e -> false, ClientWorld.ms(world.tau()));
    for (String[] pair : List.of(new String[] {from, id}, new String[] {otherFrom, otherId})) {
      List<JsonNode> copies = world.driver().events().stream().filter(e -> e.path("type").asText().equals("delivered")
          && e.path("from").asText().equals(pair[0]) && e.path("id").asText().equals(pair[1])).toList();
      if (copies.size() != 1) {
        throw new CheckFailure("(" + pair[0] + ", " + pair[1] + ") handed to the application exactly once, repeats "
            + "dropped by (from, id) and a new (from, id) handed over (LL-DD-6)", copies.size() + " delivered events "
            + copies.stream().map(e -> "seq " + e.path("seq").asLong() + " redelivered " + e.path("redelivered")).toList());
      }
    }
  }

  /**
   * The first ack of {@code seq} at or after {@code since}, waiting until {@code boundMs} after
   * {@code from}. Acks of several deliveries may come in any order (the ack of seq 63 before that
   * of seq 50), so it is looked for among all the scenario's events, not only after the last one.
   */
  private HarnessEvent awaitAck(long seq, long since, long from, long boundMs, String what) {
    long left = boundMs - (System.nanoTime() - from) / 1_000_000;
    return world.recorder().anyTime("an ack of seq " + seq + " (LL-DLV-1), due ack_timeout_ms / 2 + τ = " + boundMs
        + " ms " + what + " at the latest,", ackOf(seq, since), ClientWorld.ms(Math.max(1, left)));
  }

  private long sinceSent(long seq, HarnessEvent event) {
    return (event.nanos() - sentAt.get(seq)) / 1_000_000;
  }

  private static Predicate<HarnessEvent> ackOf(long seq, long since) {
    return e -> e.nanos() >= since && e.isIn("ack") && e.message() instanceof DeliveryAck ack && ack.seq() == seq;
  }
}
