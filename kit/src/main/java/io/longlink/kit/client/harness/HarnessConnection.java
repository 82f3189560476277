package io.longlink.kit.client.harness;

import io.longlink.kit.client.harness.HarnessEvent.Kind;
import io.longlink.model.Auth;
import io.longlink.model.Chat;
import io.longlink.model.ChatAck;
import io.longlink.model.ClientMessage;
import io.longlink.model.GoAway;
import io.longlink.model.Join;
import io.longlink.model.Joined;
import io.longlink.model.Leave;
import io.longlink.model.Left;
import io.longlink.model.Ping;
import io.longlink.model.Pong;
import io.longlink.model.ServerMessage;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One TCP connection to the harness, from its accept to its end: what its script answers by
 * itself, and what steps make it do (send, close, drop). The WebSocket side lives in
 * {@link HarnessSocket}; this class is what steps hold.
 */
public final class HarnessConnection {

  private final HarnessServer harness;
  private final int index;
  private final Script script;
  private final EndPoint endPoint;
  private volatile Session session;
  private volatile boolean authOkSent;
  private volatile boolean sawFirstMessage;
  private volatile boolean ended;
  private int pongs;

  HarnessConnection(HarnessServer harness, int index, Script script, EndPoint endPoint) {
    this.harness = harness;
    this.index = index;
    this.script = script;
    this.endPoint = endPoint;
  }

  /** Its number in the scenario: 0 for the first TCP connection. */
  public int index() {
    return index;
  }

  /** The script it plays. */
  public Script script() {
    return script;
  }

  /** Whether the harness has sent {@code auth_ok} on it. */
  public boolean authOkSent() {
    return authOkSent;
  }

  void opened(Session session) {
    this.session = session;
  }

  /** Reacts to one valid message, as the script says; checks LL-AUTH-1 on the way. */
  synchronized void received(ClientMessage message) {
    boolean first = !sawFirstMessage;
    sawFirstMessage = true;
    if (first && !(message instanceof Auth)) {
      problem("LL-AUTH-1", "the first message was " + message.type() + ", not auth");
    } else if (!first && !authOkSent) {
      problem("LL-AUTH-1", "a " + message.type() + " arrived before the harness sent auth_ok");
    }
    if (first && message instanceof Auth) {
      answerAuth();
      return;
    }
    if (!authOkSent || silent()) {
      return;
    }
    if (message instanceof Ping ping) {
      pong(ping);
    } else if (message instanceof Chat chat) {
      ServerMessage answer = refusalOf(chat).orElseGet(() -> script.chats.answer(this, chat));
      if (answer != null) {
        send(answer);
      }
    } else if (message instanceof Join join && script.answerRooms) {
      send(new Joined(join.id(), join.room()));
    } else if (message instanceof Leave leave && script.answerRooms) {
      send(new Left(leave.id(), leave.room()));
    }
  }

  /** A session that signs refuses what a server would (LL-SEC-4, LL-SEC-5): the chat is settled, not acked. */
  private Optional<ServerMessage> refusalOf(Chat chat) {
    return script.params.signing()
        ? SignedChats.refusal(script.params, chat, System.currentTimeMillis())
        : Optional.empty();
  }

  private void answerAuth() {
    switch (script.onAuth) {
      case AUTH_OK -> {
        if (script.authOkDelayMs > 0) {
          harness.scheduler().schedule(this::sendAuthOk, script.authOkDelayMs, TimeUnit.MILLISECONDS);
        } else {
          sendAuthOk();
        }
      }
      case CLOSE -> close(script.closeCode, "closed by the harness's script");
      case DROP -> drop();
      case SILENT -> { }
    }
  }

  private synchronized void sendAuthOk() {
    send(script.params.authOk(harness.sessionId(index), HarnessServer.USER, harness.epoch()));
    authOkSent = true;
  }

  private void pong(Ping ping) {
    pongs++;
    send(new Pong(ping.id(), System.currentTimeMillis() + script.params.serverTimeOffsetMs()));
  }

  private boolean silent() {
    return script.pongsBeforeSilence >= 0 && pongs >= script.pongsBeforeSilence;
  }

  /**
   * Sends one message; nothing once the connection ended. Every message of the harness is
   * encoded here, so a script's unknown members reach every type (LL-MSG-3).
   */
  public void send(ServerMessage message) {
    String text = harness.codec().encode(message);
    sendText(script.unknownMembers ? UnknownMembers.addTo(text) : text);
  }

  /** Sends a text frame as given. */
  public void sendText(String text) {
    Session s = session;
    if (s == null || ended) {
      return;
    }
    harness.recorder().add(new HarnessEvent(Kind.FRAME_OUT, index, System.nanoTime(), text, null, null));
    s.sendText(text, Callback.NOOP);
  }

  /** Sends {@code goaway} with this hint, then closes with {@code code} (LL-RC-7). */
  public void goaway(int code, long retryAfterMs) {
    send(new GoAway(code, retryAfterMs, "the harness asks the client to come back later"));
    close(code, "goaway");
  }

  /** Closes with a close frame. */
  public void close(int code, String reason) {
    Session s = session;
    if (s == null || ended) {
      return;
    }
    harness.recorder().add(new HarnessEvent(Kind.CLOSE_OUT, index, System.nanoTime(), reason, null, code));
    s.close(code, reason, Callback.NOOP);
  }

  /** Ends the TCP connection without a close frame: an abnormal close (1006) for the client. */
  public void drop() {
    if (ended) {
      return;
    }
    harness.recorder().add(new HarnessEvent(Kind.DROP, index, System.nanoTime(), null, null, null));
    Session s = session;
    if (s != null) {
      s.disconnect();
    } else {
      endPoint.close();
    }
  }

  void ended() {
    ended = true;
  }

  void problem(String ruleId, String what) {
    harness.recorder().problem(ruleId, "connection #" + index + " " + what);
  }

  /** The ack of a chat with the harness's next seq. */
  static ServerMessage ackOf(HarnessConnection connection, Chat chat) {
    return new ChatAck(chat.id(), connection.harness.nextSeq(), System.currentTimeMillis(), false);
  }
}
