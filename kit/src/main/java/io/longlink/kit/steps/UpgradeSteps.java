package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.SlowUpgrade;
import io.longlink.protocol.Protocol;
import java.time.Duration;

/** The WebSocket opening handshake seen from below it: what a server does with an upgrade request that never ends. */
public final class UpgradeSteps {

  private final Scratch scratch;
  private SlowUpgrade.Outcome slow;

  public UpgradeSteps(Scratch scratch) {
    this.scratch = scratch;
  }

  @When("a client starts a WebSocket upgrade and never finishes its request, sending a header line every quarter of the auth timeout")
  public void neverFinishedUpgrade() {
    long interval = Math.max(1, scratch.authTimeoutMs / 4);
    try (SlowUpgrade upgrade = SlowUpgrade.open()) {
      slow = upgrade.dribbleUntilClosed(Duration.ofMillis(interval), Waits.bound(deadlineMs()));
    }
  }

  @Then("the server closes the TCP connection no later than one second after the auth timeout")
  public void closedByTheDeadline() {
    long deadline = deadlineMs();
    String expected = "the server to close the TCP connection within " + deadline + " ms of accepting it (auth timeout "
        + scratch.authTimeoutMs + " ms + " + Protocol.UPGRADE_TIMEOUT_GRACE_MS + " ms), as its upgrade request never ended";
    String answered = slow.answer() == null ? "" : ", after the server sent \"" + slow.answer() + "\"";
    if (!slow.closed()) {
      throw new CheckFailure(expected, "the connection still open " + slow.afterMs() + " ms after the connect, with "
          + slow.headerLines() + " header lines sent after the request head" + answered,
          new CheckFailure.Timing(slow.afterMs(), "at most " + deadline + " ms, with " + Waits.slackMs() + " ms of slack"));
    }
    Waits.between(slow.afterMs(), 0, deadline, expected, "the close " + slow.afterMs() + " ms after the connect" + answered);
  }

  private long deadlineMs() {
    return scratch.authTimeoutMs + Protocol.UPGRADE_TIMEOUT_GRACE_MS;
  }
}
