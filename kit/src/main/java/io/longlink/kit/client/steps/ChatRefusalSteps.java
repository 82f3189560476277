package io.longlink.kit.client.steps;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.driver.DriverProcess;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.kit.client.harness.Script;
import io.longlink.model.Chat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Chats the harness refuses with an {@code error}: resent with their id after the error's wait,
 * or settled, reported failed and never sent again, as the error-code table says (LL-CHAT-8).
 */
public final class ChatRefusalSteps {

  /** The body that tells the harness how to refuse a chat: "refuse CODE [RETRY_AFTER_MS]". */
  private static final String REFUSE = "refuse ";

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final List<Refused> refused = new ArrayList<>();
  private final Map<String, HarnessEvent> errors = new HashMap<>();

  private record Refused(String id, String code, Long retryAfterMs) {}

  public ChatRefusalSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @Given("the harness refuses the first copy of each chat with the error its body names, and acks the others")
  public void refuseFirstCopies() {
    Set<String> answered = ConcurrentHashMap.newKeySet();
    Script.ChatAnswer byBody = (c, chat) -> {
      String body = String.valueOf(chat.body());
      if (!body.startsWith(REFUSE) || !answered.add(chat.id())) {
        return Script.ChatAnswer.ACK.answer(c, chat);
      }
      String[] words = body.substring(REFUSE.length()).split(" ");
      return Script.ChatAnswer.refuse(words[0], words.length > 1 ? Long.valueOf(words[1]) : null).answer(c, chat);
    };
    world.plan(n -> Script.answering(world.params()).chats(byBody));
  }

  @When("the application sends chats the harness refuses with:")
  public void sendsRefused(DataTable table) {
    for (Map<String, String> row : table.asMaps()) {
      String code = row.get("code");
      String hint = row.get("retry_after_ms");
      Long retryAfterMs = hint == null || hint.isBlank() ? null : Long.valueOf(hint.trim());
      ObjectNode send = DriverProcess.newCommand("send").put("body", REFUSE + code + (retryAfterMs == null ? "" : " "
          + retryAfterMs));
      send.putObject("to").put("kind", "user").put("id", "bob");
      String id = world.carryOut(send).path("id").asText(null);
      if (id == null) {
        throw new CheckFailure("done with the id of the chat (DRIVER.md §4)", "done without id");
      }
      refused.add(new Refused(id, code, retryAfterMs));
    }
  }

  @Then("each chat is sent again with its id once the error's wait has passed, and not sooner")
  public void resentAfterTheWait() {
    for (Refused r : refused) {
      HarnessEvent error = errorFor(r);
      long wait = r.retryAfterMs() != null ? r.retryAfterMs() : world.params().initialDelayMs();
      String what = "the chat refused with " + r.code() + (r.retryAfterMs() != null ? " and retry_after_ms " + wait
          : " without retry_after_ms (initial_delay_ms " + wait + ")") + " sent again with its id " + r.id()
          + " (LL-CHAT-8)";
      Optional<HarnessEvent> again = world.recorder().within(copyOf(r.id(), 0, error.nanos()),
          ClientWorld.ms(wait + world.tau() + 1000));
      if (again.isEmpty()) {
        throw new CheckFailure(what + " " + wait + " ms after the error", "no copy of it within "
            + (wait + world.tau() + 1000) + " ms");
      }
      Timing.within(what, ClientWorld.between(error, again.get()), wait - HeartbeatSteps.EARLY_MS, wait + world.tau());
    }
  }

  @Then("each chat is reported failed with its code within τ of its error")
  public void reportedFailed() {
    for (Refused r : refused) {
      HarnessEvent error = errorFor(r);
      long left = world.tau() - (System.nanoTime() - error.nanos()) / 1_000_000;
      boolean reported = world.driver().within("failed", e -> e.path("id").asText().equals(r.id())
          && e.path("code").asText().equals(r.code()), ClientWorld.ms(Math.max(0, left))).isPresent();
      if (!reported) {
        throw new CheckFailure("a failed event with id " + r.id() + " and code " + r.code() + " within " + world.tau()
            + " ms of the error: " + r.code() + " settles the chat (LL-CHAT-8)", "none; the driver said "
            + world.driver().events().stream().filter(e -> e.path("type").asText().equals("failed")).toList());
      }
    }
  }

  @Then("none of them is sent again within {int} ms, nor on the next session")
  public void neverSentAgain(int ms) {
    refused.forEach(this::errorFor);
    noCopy(0, ms);
    world.harness().connection(0).drop();
    connection.sessionOpens(1);
    noCopy(1, ms);
  }

  private void noCopy(int n, int ms) {
    Predicate<HarnessEvent> anyCopy = refused.stream().map(r -> copyOf(r.id(), n, errorFor(r).nanos()))
        .reduce(Predicate::or).orElseThrow();
    world.recorder().within(anyCopy, ClientWorld.ms(ms)).ifPresent(e -> {
      String code = refused.stream().filter(r -> r.id().equals(((Chat) e.message()).id())).findFirst().orElseThrow().code();
      throw new CheckFailure("no copy of a chat settled by " + code + " on " + (n == 0 ? "this session" : "the next session")
          + " (LL-CHAT-8)", "chat " + ((Chat) e.message()).id() + " again on connection #" + n);
    });
  }

  /**
   * The harness's error for the chat, which it sends as soon as the chat arrives; remembered,
   * because later waits read past it.
   */
  private HarnessEvent errorFor(Refused r) {
    String ref = "\"ref\":\"" + r.id() + "\"";
    return errors.computeIfAbsent(r.id(), id -> world.recorder().within(e -> e.kind() == Kind.FRAME_OUT
        && e.connection() == 0 && e.text().startsWith("{\"type\":\"error\"") && e.text().contains(ref),
        ClientWorld.ms(3000 + world.tau())).orElseThrow(() -> new CheckFailure("the chat " + id
        + " to arrive, for the harness to refuse it with " + r.code() + " (LL-CHAT-8)", world.recorder().sawSince(0))));
  }

  private static Predicate<HarnessEvent> copyOf(String id, int connection, long afterNanos) {
    return e -> e.connection() == connection && e.isIn("chat") && e.nanos() > afterNanos
        && ((Chat) e.message()).id().equals(id);
  }
}
