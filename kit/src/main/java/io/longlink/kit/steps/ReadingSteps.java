package io.longlink.kit.steps;

import io.cucumber.java.en.When;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.protocol.Protocol;

/** Frames that test how a server reads JSON text: its reading limits (LL-ERR-8) and strings that are not text (LL-ERR-9). */
public final class ReadingSteps {

  private static final MessageCodec CODEC = MessageCodec.create();
  /** A JSON escape that leaves a UTF-16 surrogate unpaired. */
  private static final String UNPAIRED = "\\ud800";

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;

  public ReadingSteps(Cast cast, Links links, Ledger ledger) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
  }

  @When("{word} pings with id {string} and an unknown member holding {}")
  public void pingsHolding(String role, String id, String content) {
    links.latest(role).socket().sendText("{\"type\":\"ping\",\"id\":\"" + id + "\",\"x_future\":" + value(content) + "}");
  }

  /** The unknown member's value; the ping object is level 1, so its member's arrays start at level 2. */
  private static String value(String content) {
    return switch (content) {
      case "arrays nested to the depth limit" -> nested(Protocol.MAX_NESTING_DEPTH);
      case "arrays nested one level deeper than the depth limit" -> nested(Protocol.MAX_NESTING_DEPTH + 1);
      case "a number literal as long as the length limit" -> number(Protocol.MAX_NUMBER_LENGTH);
      case "a number literal one character longer than the length limit" -> number(Protocol.MAX_NUMBER_LENGTH + 1);
      default -> throw new IllegalArgumentException("no unknown member holding \"" + content + "\" is defined");
    };
  }

  private static String nested(int depth) {
    return "[".repeat(depth - 1) + "]".repeat(depth - 1);
  }

  /** A literal of exactly {@code length} characters, sign, point and exponent included, as LL-ERR-8 counts them. */
  private static String number(int length) {
    return "-1." + "2".repeat(length - 7) + "e+34";
  }

  @When("{word} sends {word} a chat whose {string} holds an unpaired surrogate")
  public void chatWithUnpairedSurrogate(String from, String to, String member) {
    Link link = links.latest(from);
    Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser(to), "plain text");
    String json = CODEC.encode(chat);
    String text = switch (member) {
      case "body" -> json.replace("\"body\":\"plain text\"", "\"body\":\"plain " + UNPAIRED + " text\"");
      case "recipient id" -> json.replace("\"" + chat.to().id() + "\"", "\"" + chat.to().id() + UNPAIRED + "\"");
      case "unknown member" -> json.substring(0, json.length() - 1) + ",\"x_future\":\"" + UNPAIRED + "\"}";
      default -> throw new IllegalArgumentException("no chat member \"" + member + "\" is defined for this step");
    };
    if (text.equals(json)) {
      throw new IllegalStateException("the kit could not place the surrogate in " + member + " of " + json);
    }
    link.socket().sendText(text);
    ledger.record(link, chat);
  }
}
