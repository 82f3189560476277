package io.longlink.kit.client.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.client.harness.HarnessEvent;
import io.longlink.model.Auth;
import java.util.ArrayList;
import java.util.List;

/**
 * The resume point a client sends in {@code auth} after the harness dropped it: honest (LL-DLV-11)
 * and tied to the history epoch it was counted in (LL-DLV-14). Histories are numbered from 1 in
 * the order the harness advertised them.
 */
public final class ResumeSteps {

  private final ClientWorld world;
  private final ConnectionSteps connection;
  private final List<String> histories = new ArrayList<>();

  public ResumeSteps(ClientWorld world, ConnectionSteps connection) {
    this.world = world;
    this.connection = connection;
  }

  @When("the harness drops the latest connection")
  public void drops() {
    List<?> all = world.harness().connections();
    world.harness().connection(all.size() - 1).drop();
  }

  @When("the harness restarts with a new history and drops the latest connection")
  public void restartsAndDrops() {
    history(1);
    world.harness().newHistory();
    histories.add(world.harness().epoch());
    drops();
  }

  @Then("the client's session opens again on connection {int}")
  public void sessionOpensAgain(int n) {
    connection.sessionOpens(n);
  }

  @Then("the auth of connection {int} carries no last_seq above {long}")
  public void honest(int n, long highest) {
    Auth auth = authOf(n);
    if (auth.lastSeq() != null && auth.lastSeq() > highest) {
      throw new CheckFailure("a last_seq of at most " + highest + " in the auth of connection #" + n + ", the highest seq "
          + "at or below which every delivery received was processed (LL-DLV-11)", "last_seq " + auth.lastSeq()
          + " (epoch " + auth.epoch() + ")");
    }
  }

  @Then("the auth of connection {int} resumes, if at all, from at most seq {long} of history {int}")
  public void resumesInItsEpoch(int n, long highest, int history) {
    Auth auth = authOf(n);
    String expected = history(history);
    Long lastSeq = auth.lastSeq();
    if (lastSeq == null || lastSeq == 0) {
      return;
    }
    String rule = " (LL-DLV-14)";
    if (auth.epoch() == null) {
      throw new CheckFailure("last_seq sent together with its epoch " + expected + rule, "last_seq " + lastSeq
          + " without epoch in the auth of connection #" + n);
    }
    if (!auth.epoch().equals(expected)) {
      int sent = histories.indexOf(auth.epoch()) + 1;
      throw new CheckFailure("a last_seq counted in history " + history + " (epoch " + expected + "), the epoch of the "
          + "latest auth_ok, a new epoch voiding the old last_seq" + rule, "last_seq " + lastSeq + " with epoch "
          + auth.epoch() + (sent > 0 ? " of history " + sent : ", an epoch the harness never advertised"));
    }
    if (lastSeq > highest) {
      throw new CheckFailure("a last_seq of at most " + highest + " in history " + history + ", seqs counted from nothing "
          + "when the epoch changed" + rule, "last_seq " + lastSeq + " with epoch " + auth.epoch());
    }
  }

  /** The epoch of history {@code k}; the first is the one the harness started with. */
  private String history(int k) {
    if (histories.isEmpty()) {
      histories.add(world.harness().epoch());
    }
    return histories.get(k - 1);
  }

  /** The auth of connection {@code n}, already seen or awaited until its reconnect attempt is due. */
  private Auth authOf(int n) {
    long deadline = world.params().hi(0) + world.tau() + ConnectionSteps.CONNECT_MS;
    HarnessEvent auth = world.recorder().all().stream().filter(Wire.in(n, "auth")).findFirst()
        .orElseGet(() -> world.recorder().next("auth on connection #" + n + " after the harness dropped the previous one",
            Wire.in(n, "auth"), ClientWorld.ms(deadline)));
    return (Auth) auth.message();
  }
}
