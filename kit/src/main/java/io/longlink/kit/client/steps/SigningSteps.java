package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.Script;
import io.longlink.kit.client.harness.SignedChats;
import io.longlink.kit.client.harness.SignedChats.Arrival;
import io.longlink.model.Chat;
import java.util.ArrayList;
import java.util.List;

/** Sessions that sign chats: every copy signed on the server's clock, or no chat without a key (LL-SEC-6..8). */
public final class SigningSteps {

  private final ClientWorld world;
  private final List<String> sent = new ArrayList<>();

  public SigningSteps(ClientWorld world) {
    this.world = world;
  }

  @Given("the harness signs chats")
  public void signs() {
    world.params(world.params().withSigning(0));
  }

  @Given("the harness signs chats, with a server_time {int} ms ahead of its clock")
  public void signsAhead(int offsetMs) {
    world.params(world.params().withSigning(offsetMs));
  }

  @Given("the harness acks no chat on the first connection")
  public void noAckFirst() {
    world.plan(n -> n == 0 ? Script.answering(world.params()).chats(Script.ChatAnswer.WITHHOLD)
        : Script.answering(world.params()));
  }

  @When("the client connects with the test signing key")
  public void connectsWithKey() {
    world.require("signing");
    ObjectNode connect = DriverProcess.newCommand("connect").put("url", world.harness().url().toString())
        .put("token", world.token()).put("signing_key", SignedChats.TEST_KEY);
    world.carryOut(connect);
  }

  @When("the application sends a chat to bob")
  public void sends() {
    ObjectNode send = DriverProcess.newCommand("send").put("body", "chat " + (sent.size() + 1) + " to bob");
    send.putObject("to").put("kind", "user").put("id", "bob");
    String id = world.carryOut(send).path("id").asText(null);
    if (id == null) {
      throw new CheckFailure("done with the id of the chat (DRIVER.md §4)", "done without id");
    }
    sent.add(id);
  }

  @Then("the chat is sent again on connection {int}, and every copy is signed afresh with the test key")
  public void signedAfresh(int n) {
    judgeResent(n, "every copy of every chat with a ts within " + world.tau() + " ms of the server's clock and a sig "
        + "that verifies under the test key, a resend with a fresh ts (LL-SEC-6)", SignedChats::signingProblems);
  }

  @Then("the chat is sent again on connection {int}, and every copy's ts is on the server's clock")
  public void onServerClock(int n) {
    judgeResent(n, "every copy of every chat with a ts within " + world.tau() + " ms of the harness's clock plus the "
        + world.params().serverTimeOffsetMs() + " ms its server_time was ahead (LL-SEC-7)", SignedChats::clockProblems);
  }

  /**
   * Waits for the resend on connection {@code n}, then judges every copy. The copies are judged
   * first when the resend does not come: a chat the harness refused as unsigned or stale is
   * settled, and the reason it was refused is what the client broke.
   */
  private void judgeResent(int n, String expected, Judge judge) {
    CheckFailure missing = null;
    try {
      world.recorder().next("the unacknowledged chat sent again on connection #" + n, Wire.in(n, "chat"),
          ClientWorld.ms(ConnectionSteps.CONNECT_MS));
    } catch (CheckFailure e) {
      missing = e;
    }
    List<String> problems = judge.apply(copies(), world.params().serverTimeOffsetMs(), world.tau());
    if (!problems.isEmpty()) {
      throw new CheckFailure(expected, String.join("; ", problems));
    }
    if (missing != null) {
      throw missing;
    }
  }

  @FunctionalInterface
  private interface Judge {
    List<String> apply(List<Arrival> copies, long offsetMs, long toleranceMs);
  }

  /** Every chat frame so far, with the harness's wall clock at its arrival (from its monotonic stamp). */
  private List<Arrival> copies() {
    long wallNow = System.currentTimeMillis();
    long nanoNow = System.nanoTime();
    return world.recorder().all().stream().filter(e -> e.isIn("chat"))
        .map(e -> new Arrival((Chat) e.message(), wallNow - (nanoNow - e.nanos()) / 1_000_000)).toList();
  }

  @Then("over three heartbeat intervals no chat arrives and the client keeps the session")
  public void noChatNoClose() {
    long window = 3 * world.params().intervalMs();
    world.recorder().within(e -> e.isIn("chat") || e.isClientEnd(), ClientWorld.ms(window)).ifPresent(e -> {
      String what = e.isClientEnd() ? "the client ended the connection" : "a chat arrived";
      throw new CheckFailure("no chat and no close from a client without a signing key, for " + window
          + " ms (LL-SEC-8)", what + ": " + e.describe(world.recorder().startNanos()));
    });
  }

  @Then("every chat is reported failed with no_signing_key, and the missing key as an error")
  public void reportedFailed() {
    List<JsonNode> events = world.driver().events();
    for (String id : sent) {
      boolean failed = events.stream().anyMatch(e -> e.path("type").asText().equals("failed")
          && e.path("id").asText().equals(id) && e.path("code").asText().equals("no_signing_key"));
      if (!failed) {
        throw new CheckFailure("chat " + id + " reported failed with code no_signing_key (LL-SEC-8)", "events "
            + events.stream().filter(e -> id.equals(e.path("id").asText(null))).toList());
      }
    }
    if (events.stream().noneMatch(e -> e.path("type").asText().equals("error")
        && e.path("code").asText().equals("no_signing_key"))) {
      throw new CheckFailure("an error no_signing_key: the missing key reported as a configuration error (LL-SEC-8)",
          "errors " + events.stream().filter(e -> e.path("type").asText().equals("error")).toList());
    }
  }
}
