package io.longlink.kit.client.harness;

import io.longlink.model.Chat;
import io.longlink.model.ErrorMessage;
import io.longlink.model.ServerMessage;
import java.util.Objects;

/**
 * How the harness plays the server on one connection, chosen by the scenario before the
 * connection arrives. What a script does not answer by itself, a step does through the
 * {@link HarnessConnection} (deliveries, closes, goaway).
 *
 * <p>Configure it with the fluent setters before handing it to {@link HarnessServer#plan}; the
 * harness only reads it afterwards.
 */
public final class Script {

  /** What the harness does with the opening handshake. */
  public enum Upgrade {
    /** Complete it, selecting {@code longlink.v1} when offered. */
    ACCEPT,
    /** Answer HTTP 503. */
    REFUSE_503,
    /** Drop the TCP connection at once. */
    DROP,
    /** Read the request and answer nothing, keeping the TCP connection (LL-HB-8). */
    HOLD
  }

  /** What the harness does with {@code auth}. */
  public enum OnAuth {
    /** Answer {@code auth_ok} with the script's parameters. */
    AUTH_OK,
    /** Answer nothing, keep the connection and keep reading (LL-HB-8). */
    SILENT,
    /** Close with {@link #closeCode}. */
    CLOSE,
    /** Drop the TCP connection without a close frame. */
    DROP
  }

  /** How the harness answers a chat; null withholds the answer. */
  @FunctionalInterface
  public interface ChatAnswer {
    ServerMessage answer(HarnessConnection connection, Chat chat);

    /** An ack with the next seq of the harness. */
    ChatAnswer ACK = HarnessConnection::ackOf;
    /** No answer at all: the chat stays unsettled. */
    ChatAnswer WITHHOLD = (connection, chat) -> null;

    /** An {@code error} refusing the chat with this code, and this hint when not null (LL-CHAT-8). */
    static ChatAnswer refuse(String code, Long retryAfterMs) {
      return (connection, chat) -> new ErrorMessage(code, "the harness refuses this chat with " + code, chat.id(), null,
          retryAfterMs);
    }
  }

  Upgrade upgrade = Upgrade.ACCEPT;
  OnAuth onAuth = OnAuth.AUTH_OK;
  int closeCode = 1011;
  long authOkDelayMs;
  SessionParams params = SessionParams.fast();
  int pongsBeforeSilence = -1;
  boolean answerControlPings = true;
  ChatAnswer chats = ChatAnswer.ACK;
  boolean answerRooms = true;
  boolean unknownMembers;

  /** Answers normally: auth_ok with these parameters, every ping, every chat, join and leave. */
  public static Script answering(SessionParams params) {
    Script script = new Script();
    script.params = Objects.requireNonNull(params);
    return script;
  }

  public Script upgrade(Upgrade upgrade) {
    this.upgrade = upgrade;
    return this;
  }

  /** Closes with this code when {@code auth} arrives, instead of answering it. */
  public Script closeOnAuth(int code) {
    this.onAuth = OnAuth.CLOSE;
    this.closeCode = code;
    return this;
  }

  public Script onAuth(OnAuth onAuth) {
    this.onAuth = onAuth;
    return this;
  }

  /** Holds {@code auth_ok} this long after {@code auth} (LL-AUTH-1). */
  public Script delayAuthOk(long ms) {
    this.authOkDelayMs = ms;
    return this;
  }

  /** After this many pongs the harness sends nothing more: the half-open link of LL-HB-5. */
  public Script silentAfterPongs(int pongs) {
    this.pongsBeforeSilence = pongs;
    return this;
  }

  /** Whether WebSocket ping control frames get a pong (LL-TR-6 needs them answered). */
  public Script answerControlPings(boolean answer) {
    this.answerControlPings = answer;
    return this;
  }

  public Script chats(ChatAnswer chats) {
    this.chats = Objects.requireNonNull(chats);
    return this;
  }

  /** Leaves every {@code join} and {@code leave} unanswered (LL-RC-9). */
  public Script withholdRoomAnswers() {
    this.answerRooms = false;
    return this;
  }

  /** Adds members no schema defines to every message the harness sends on the connection (LL-MSG-3). */
  public Script withUnknownMembers() {
    this.unknownMembers = true;
    return this;
  }

  /** The parameters its {@code auth_ok} advertises. */
  public SessionParams params() {
    return params;
  }
}
