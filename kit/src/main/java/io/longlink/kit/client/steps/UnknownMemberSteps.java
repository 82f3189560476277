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
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SessionParams;
import io.longlink.model.ChatAck;
import io.longlink.model.ErrorMessage;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * LL-MSG-3: a flow whose every server message carries members no schema defines gives the
 * application the same events as without them. Each message type the harness sends gets an
 * answer the driver reports, so a client that drops the message shows it.
 */
public final class UnknownMemberSteps {

  /** The seq of the harness's duplicate ack: the original seq of a chat it says it already had. */
  private static final long DUPLICATE_SEQ = 41;
  private static final String DELIVERY_ID = "m-unknown-members";
  private static final long DELIVERY_SEQ = 7;

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private String acked;
  private String duplicate;
  private String refused;
  private String joined;
  private String left;
  private long deliverySentNanos;

  public UnknownMemberSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("the harness adds unknown members to every message it sends")
  public void unknownMembers() {
    world.plan(n -> Script.answering(world.params()).withUnknownMembers().chats((c, chat) -> switch (chat.body()) {
      case "duplicate" -> new ChatAck(chat.id(), DUPLICATE_SEQ, System.currentTimeMillis(), true);
      case "refuse" -> new ErrorMessage("not_member", "join attic before sending to it", chat.id(), null, null);
      default -> Script.ChatAnswer.ACK.answer(c, chat);
    }));
  }

  @When("the client's session opens although auth_ok carries unknown members")
  public void sessionOpens() {
    world.recorder().next("auth on connection #0", Wire.in(0, "auth"), ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    world.recorder().next("auth_ok sent on connection #0", Wire.authOkSent(0), ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    long window = 1000 + world.tau();
    if (world.driver().within("state", e -> e.path("state").asText().equals("open"), ClientWorld.ms(window)).isEmpty()) {
      throw new CheckFailure("the session open within " + window + " ms of an auth_ok whose unknown members the client "
          + "ignores (LL-MSG-3)", "the driver reported " + reported());
    }
  }

  @When("the application sends chats the harness acks, acks as a duplicate and refuses, joins and leaves a room, and gets a delivery")
  public void flow() {
    acked = send("user", "bob", "ack");
    duplicate = send("user", "bob", "duplicate");
    refused = send("room", "attic", "refuse");
    joined = world.carryOut(DriverProcess.newCommand("join").put("room", "lobby")).path("id").asText();
    left = world.carryOut(DriverProcess.newCommand("leave").put("room", "lobby")).path("id").asText();
    deliverySentNanos = System.nanoTime();
    DeliverySupport.deliver(world, 0, DELIVERY_ID, DELIVERY_SEQ, false);
  }

  private String send(String kind, String to, String body) {
    ObjectNode send = DriverProcess.newCommand("send").put("body", body);
    send.putObject("to").put("kind", kind).put("id", to);
    return world.carryOut(send).path("id").asText();
  }

  @Then("the driver reports each answer as without them: acked, acked as a duplicate, failed, joined, left, delivered")
  public void eachAnswerReported() {
    long deadline = System.nanoTime() + ClientWorld.ms(1000 + world.tau()).toNanos();
    expect(deadline, "acked", "an acked for chat " + acked + " (duplicate false)",
        e -> e.path("id").asText().equals(acked) && !e.path("duplicate").asBoolean());
    expect(deadline, "acked", "an acked for chat " + duplicate + " with duplicate true and seq " + DUPLICATE_SEQ,
        e -> e.path("id").asText().equals(duplicate) && e.path("duplicate").asBoolean()
            && e.path("seq").asLong() == DUPLICATE_SEQ);
    expect(deadline, "failed", "a failed for chat " + refused + " with code not_member",
        e -> e.path("id").asText().equals(refused) && e.path("code").asText().equals("not_member"));
    expect(deadline, "joined", "a joined for join " + joined, e -> e.path("id").asText().equals(joined));
    expect(deadline, "left", "a left for leave " + left, e -> e.path("id").asText().equals(left));
    expect(deadline, "delivered", "a delivered for " + DELIVERY_ID + " with seq " + DELIVERY_SEQ,
        e -> e.path("id").asText().equals(DELIVERY_ID) && e.path("seq").asLong() == DELIVERY_SEQ);
  }

  private void expect(long deadlineNanos, String type, String what, Predicate<JsonNode> match) {
    long left = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    if (world.driver().within(type, match, ClientWorld.ms(left)).isEmpty()) {
      throw new CheckFailure(what + ", as the same flow gives without unknown members (LL-MSG-3)",
          "none within " + (1000 + world.tau()) + " ms; the driver reported " + reported());
    }
  }

  @Then("the client neither closes nor reports an error or a reconnect for the heartbeat timeout after the delivery")
  public void staysQuietlyOpen() {
    // A client that drops some types but counts only what it reads as life closes one timeout after the last
    // frame it read: the delivery, the harness's last frame of the flow.
    long window = world.params().timeoutMs() + world.tau();
    long left = Math.max(0, window - (System.nanoTime() - deliverySentNanos) / 1_000_000);
    Optional<HarnessEvent> end = world.recorder().within(Wire.clientEnd(0), ClientWorld.ms(left));
    if (end.isPresent()) {
      throw new CheckFailure("the session kept open for " + window + " ms after the delivery, every message read with its unknown "
          + "members ignored (LL-MSG-3)", "the client ended the connection: " + end.get().describe(world.recorder().startNanos()));
    }
    List<JsonNode> trouble = world.driver().events().stream().filter(e -> e.path("type").asText().equals("error")
        || e.path("type").asText().equals("state") && !e.path("state").asText().equals("open")
        && !e.path("state").asText().equals("connecting")).toList();
    if (!trouble.isEmpty()) {
      throw new CheckFailure("no error and no reconnect reported while every message carried unknown members (LL-MSG-3)",
          "the driver reported " + trouble);
    }
    List<String> types = world.recorder().all().stream().filter(e -> e.kind() == Kind.FRAME_OUT && e.connection() == 0)
        .map(e -> e.text().substring(9, e.text().indexOf('"', 9))).distinct().toList();
    for (String type : List.of("auth_ok", "pong", "ack", "error", "joined", "left", "chat")) {
      if (!types.contains(type)) {
        throw new CheckFailure("the client to be sent a " + type + " with unknown members in this scenario (LL-MSG-3)",
            "the harness sent only " + types);
      }
    }
  }

  @Then("after a goaway with unknown members and a hint of {int} ms the next attempt waits for the hint, and its session opens")
  public void goawayHonoured(int hintMs) {
    SessionParams p = world.params();
    world.harness().connection(0).goaway(1012, hintMs);
    HarnessEvent close = world.recorder().next("the harness's close after its goaway", Wire.harnessEnd(0),
        ClientWorld.ms(1000));
    long high = Math.max(hintMs, p.hi(0)) + world.tau();
    HarnessEvent attempt = world.recorder().next("an attempt after the goaway with unknown members (LL-MSG-3)",
        Wire.attempt(1), ClientWorld.ms(high + 1000));
    Timing.within("the attempt after a goaway with unknown members to wait for its hint, as without them (LL-MSG-3, "
        + "LL-RC-7)", ClientWorld.between(close, attempt), Math.max(hintMs, p.lo(0)) - HeartbeatSteps.EARLY_MS, high);
    connection.sessionOpens(1);
  }

  private String reported() {
    return world.driver().events().stream().map(e -> e.path("type").asText()
        + (e.has("id") ? " " + e.path("id").asText() : "") + (e.has("state") ? " " + e.path("state").asText() : ""))
        .toList().toString();
  }
}
