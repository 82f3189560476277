package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.model.Chat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The advertised size and rate limits, held by the client (LL-LIM-8, LL-LIM-13). */
public final class LimitSteps {

  private final ClientWorld world;
  /** The ids of the chats the application sent, by the size of their body in bytes. */
  private final Map<Integer, String> bySize = new HashMap<>();
  private final List<String> burst = new ArrayList<>();

  public LimitSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness advertises max_message_bytes {int}")
  public void maxBytes(int bytes) {
    var p = world.params();
    world.params(p.withLimits(bytes, p.rateMessages(), p.rateWindowMs()));
  }

  @Given("the harness advertises a rate limit of {int} messages per {int} ms")
  public void rate(int messages, int windowMs) {
    world.params(world.params().withLimits(world.params().maxMessageBytes(), messages, windowMs));
  }

  /**
   * A window of {@code windows} x τ: LL-LIM-13's margin, a tenth of the window, then stands
   * {@code windows / 10 - 1} τ clear of the lateness τ forgives, whatever --timing-slack the user set.
   */
  @Given("the harness advertises a rate limit of {int} messages per {int} τ")
  public void rateInTau(int messages, int windows) {
    rate(messages, Math.toIntExact(windows * world.tau()));
  }

  @When("the application sends a chat whose body is {int} bytes")
  public void sendsOfSize(int bytes) {
    bySize.put(bytes, send("x".repeat(bytes)));
  }

  @When("the application sends {int} chats at once")
  public void sendsAtOnce(int count) {
    for (int i = 1; i <= count; i++) {
      burst.add(send("burst chat " + i));
    }
  }

  @Then("the chat of {int} bytes is reported failed with too_large")
  public void tooLarge(int bytes) {
    String id = bySize.get(bytes);
    String expected = "chat " + id + " of " + bytes + " bytes, larger than max_message_bytes "
        + world.params().maxMessageBytes() + ", reported failed with code too_large and not sent (LL-LIM-8)";
    JsonNode failed = world.driver().within("failed", e -> e.path("id").asText().equals(id),
        ClientWorld.ms(1000 + world.tau())).orElseThrow(() -> new CheckFailure(expected, "no failed event for it within "
            + (1000 + world.tau()) + " ms; the harness saw " + sentAs(id)));
    if (!failed.path("code").asText().equals("too_large")) {
      throw new CheckFailure(expected, "failed with code " + failed.path("code") + ": " + failed);
    }
  }

  private String sentAs(String id) {
    return world.recorder().all().stream().filter(e -> isChat(e, id)).findFirst()
        .map(e -> "it sent as a frame of " + e.code() + " bytes").orElse("no frame of it");
  }

  @Then("the chat of {int} bytes arrives")
  public void arrives(int bytes) {
    String id = bySize.get(bytes);
    world.recorder().next("chat " + id + " of " + bytes + " bytes, which fits in max_message_bytes "
        + world.params().maxMessageBytes() + " (LL-LIM-8)", e -> isChat(e, id), ClientWorld.ms(1000 + world.tau()));
  }

  @Then("no frame of the client was larger than max_message_bytes")
  public void noFrameTooLarge() {
    long max = world.params().maxMessageBytes();
    world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_IN && e.code() != null && e.code() > max)
        .findFirst().ifPresent(e -> {
          throw new CheckFailure("no frame larger than limits.max_message_bytes " + max + " bytes (LL-LIM-8)",
              "a frame of " + e.code() + " bytes: " + e.describe(world.recorder().startNanos()));
        });
  }

  /**
   * Waits for every chat of the burst, and fails if the driver reported one failed: holding the
   * excess back is not a failure (LL-LIM-8). The deadline counts from the first arrival.
   */
  @Then("every chat of the burst arrives within {int} rate windows of the first, none reported failed")
  public void burstArrives(int windows) {
    long deadline = windows * world.params().rateWindowMs() + world.tau();
    HarnessEvent first = world.recorder().next("the first chat of the burst", e -> burst.contains(chatId(e)),
        ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    Map<String, HarnessEvent> arrived = new LinkedHashMap<>();
    arrived.put(chatId(first), first);
    long end = first.nanos() + deadline * 1_000_000;
    while (arrived.size() < burst.size()) {
      long left = Math.max(0, (end - System.nanoTime()) / 1_000_000);
      HarnessEvent chat = world.recorder().next("all " + burst.size() + " chats of the burst within " + deadline
          + " ms of the first (LL-LIM-8: the excess is held back, not dropped); " + arrived.size() + " arrived",
          e -> burst.contains(chatId(e)) && !arrived.containsKey(chatId(e)), ClientWorld.ms(left));
      arrived.put(chatId(chat), chat);
    }
    world.driver().events().stream()
        .filter(e -> e.path("type").asText().equals("failed") && burst.contains(e.path("id").asText())).findFirst()
        .ifPresent(e -> {
          throw new CheckFailure("no chat of the burst reported failed: the client holds the excess back (LL-LIM-8)",
              "the driver reported " + e);
        });
  }

  /*
   * The harness sees arrivals; the rules count sends. A frame held up on its way (a busy sender,
   * a congested link) arrives late while the next does not, and a window of arrivals then looks
   * shorter than the window of sends by as much as the lateness: τ, the tolerance the user sets.
   */
  @Then("no more than rate_messages of them arrived within any rate window less τ")
  public void withinTheRate() {
    long bound = world.params().rateWindowMs() - world.tau();
    judgeWindows(bound, "LL-LIM-8", "rate_window_ms " + world.params().rateWindowMs() + " ms less τ " + world.tau()
        + " ms for lateness in transit");
  }

  @Then("no more than rate_messages of them arrived within any 1.1 rate windows less τ")
  public void withTheMargin() {
    long bound = world.params().rateWindowMs() * 11 / 10 - world.tau();
    judgeWindows(bound, "LL-LIM-13", "1.1 x rate_window_ms " + world.params().rateWindowMs() + " ms, less τ "
        + world.tau() + " ms for lateness in transit");
  }

  /** Fails when {@code rate_messages + 1} chats of the burst arrived within less than {@code boundMs}. */
  private void judgeWindows(long boundMs, String rule, String what) {
    List<Long> arrivals = world.recorder().all().stream().filter(e -> burst.contains(chatId(e)))
        .map(HarnessEvent::nanos).toList();
    int allowed = (int) world.params().rateMessages();
    RateWindows.Tightest tightest = RateWindows.tightest(arrivals, allowed);
    if (tightest != null && tightest.spanMs() < boundMs) {
      throw new CheckFailure("at most " + allowed + " chats within any " + boundMs + " ms, " + what + " (" + rule + ")",
          (allowed + 1) + " chats arrived within " + tightest.spanMs() + " ms (chats " + (tightest.from() + 1) + " to "
              + (tightest.from() + allowed + 1) + " of the burst, in order of arrival)",
          new CheckFailure.Timing(tightest.spanMs(), ">= " + boundMs + " ms"));
    }
  }

  private String send(String body) {
    ObjectNode send = DriverProcess.newCommand("send").put("body", body);
    send.putObject("to").put("kind", "user").put("id", "bob");
    String id = world.carryOut(send).path("id").asText(null);
    if (id == null) {
      throw new CheckFailure("done with the id of the chat (DRIVER.md §4)", "done without id");
    }
    return id;
  }

  private static boolean isChat(HarnessEvent e, String id) {
    return id != null && id.equals(chatId(e));
  }

  private static String chatId(HarnessEvent e) {
    return e.isIn("chat") ? ((Chat) e.message()).id() : null;
  }
}
