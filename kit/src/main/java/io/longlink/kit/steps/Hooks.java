package io.longlink.kit.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.longlink.kit.StandingRuleBreach;
import io.longlink.kit.settings.FixedTokenSource;
import io.longlink.kit.settings.KitSettings;
import io.longlink.kit.wire.KitSocket;
import io.longlink.kit.wire.ScenarioDeadline;
import io.longlink.kit.wire.TranscriptRecorder;
import io.longlink.model.Auth;
import io.longlink.model.AuthOk;
import io.longlink.model.ClientInfo;
import io.longlink.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;

/** What every scenario checks at its end, and how it cleans up. */
public final class Hooks {

  private final Links links;
  private final Scratch scratch;

  public Hooks(Links links, Scratch scratch) {
    this.links = links;
    this.scratch = scratch;
  }

  /** The largest seq there is: resuming after it settles every pending delivery. */
  private static final long LAST_SEQ = 9_007_199_254_740_991L;

  /**
   * With tokens given on the command line, scenarios share users: each starts by learning who the
   * tokens belong to (once) and settling whatever earlier scenarios left pending for them.
   */
  /** Every scenario ends: its waits are cut to a deadline that grows with the server's advertised timeouts. */
  @Before(order = 1)
  public void startTheDeadline() {
    ScenarioDeadline.begin(ScenarioDeadline.BASE, KitSettings.current().timingSlack());
  }

  /** Every scenario records its wire transcript, which the reports show when it fails (the collector takes it). */
  @Before(order = 0)
  public void startTheTranscript(Scenario scenario) {
    TranscriptRecorder.begin(scenario.getLine());
  }

  @Before(order = 10)
  public void settleFixedUsers() {
    if (!(KitSettings.current().tokens() instanceof FixedTokenSource fixed)) {
      return;
    }
    fixed.resolve(token -> settle(token));
    fixed.playingTokens().values().forEach(Hooks::settle);
  }

  /** Learns the server's epoch on one connection, then resumes after the largest seq of it on another (LL-DLV-13). */
  private static String settle(String token) {
    AuthOk learned = authenticate(token, null, null);
    authenticate(token, LAST_SEQ, learned.epoch());
    return learned.userId();
  }

  private static AuthOk authenticate(String token, Long lastSeq, String epoch) {
    TranscriptRecorder.current().name(token, "a token given with --token");
    try (KitSocket socket = KitSocket.open("a settling connection", List.of(Protocol.SUBPROTOCOL), null)) {
      socket.send(new Auth(token, new ClientInfo("longlink-kit", Protocol.VERSION), lastSeq, epoch));
      return socket.expect(AuthOk.class, a -> true, Waits.reply(), "auth_ok for a token given with --token").message();
    }
  }

  /** Every frame of every connection was a valid server message (LL-MSG-1): a violation fails LL-MSG-1, not the scenario's rules. */
  @After(order = 100)
  public void everyFrameWasValid() {
    List<String> problems = new ArrayList<>();
    for (Link link : links.everything()) {
      for (String p : link.socket().problems()) {
        if (!p.startsWith("a binary frame")) {
          problems.add(link.label() + ": " + p);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StandingRuleBreach(List.of("LL-MSG-1"), "every message the server sends to validate against its "
          + "schema (LL-MSG-1)", String.join("; ", problems));
    }
  }

  @After(order = 10)
  public void closeEverything() {
    ScenarioDeadline.end();
    // Users shared with the next scenario must be gone from the server before it starts.
    links.closeEverything(!KitSettings.current().tokens().uniqueUsers());
    scratch.closeRaw();
  }
}
