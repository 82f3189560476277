package io.longlink.kit.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.longlink.codec.MessageCodec;
import io.longlink.kit.CheckFailure;
import io.longlink.kit.wire.CloseCodes;
import io.longlink.kit.wire.RawFrames;
import io.longlink.kit.wire.WireText;
import io.longlink.model.Chat;
import io.longlink.model.ChatDelivery;
import io.longlink.model.ErrorMessage;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Frames and messages a server has to refuse, and what refusing must not disturb. */
public final class BadInputSteps {

  private static final MessageCodec CODEC = MessageCodec.create();

  private final Cast cast;
  private final Links links;
  private final Ledger ledger;
  private final Scratch scratch;

  public BadInputSteps(Cast cast, Links links, Ledger ledger, Scratch scratch) {
    this.cast = cast;
    this.links = links;
    this.ledger = ledger;
    this.scratch = scratch;
  }

  @When("{word} sends a binary frame")
  public void sendsBinary(String role) {
    links.latest(role).socket().sendBinary(new byte[] {0x7b, 0x7d});
  }

  @When("{word}'s first session sends a binary frame")
  public void firstSendsBinary(String role) {
    links.all(role).get(0).socket().sendBinary(new byte[] {0x7b, 0x7d});
  }

  @When("{word} sends the frame {}")
  public void sendsFrame(String role, String frame) {
    links.latest(role).socket().sendText(frame);
  }

  @When("{word} connects and sends a text frame that is not valid UTF-8")
  public void sendsInvalidUtf8(String role) {
    scratch.raw = RawFrames.open();
    // 0xC3 0x28 is an invalid two-byte sequence, inside an otherwise well-formed message.
    byte[] prefix = "{\"type\":\"ping\",\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] suffix = "\"}".getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, frame, 0, prefix.length);
    frame[prefix.length] = (byte) 0xC3;
    frame[prefix.length + 1] = (byte) 0x28;
    System.arraycopy(suffix, 0, frame, prefix.length + 2, suffix.length);
    scratch.raw.sendFrame(0x1, frame);
  }

  @Then("the server closes that raw connection with code {int}")
  public void rawClosed(int code) {
    int got = scratch.raw.awaitCloseCode(Waits.reply().toMillis(), "a close with code " + CloseCode.describe(code));
    if (got != code) {
      throw CloseCodes.judge(got, new CheckFailure("a close with code " + CloseCode.describe(code), "a close with code "
          + CloseCode.describe(got)));
    }
  }

  @Then("{word} receives an error {string} with ref {string}")
  public void errorWithRef(String role, String code, String ref) {
    ErrorMessage error = links.latest(role).socket().expect(ErrorMessage.class, e -> true, Waits.reply(),
        "an error with code " + code + " and ref " + ref).message();
    if (!code.equals(error.code()) || !ref.equals(error.ref())) {
      throw new CheckFailure("an error with code " + code + " and ref " + ref, WireText.of(error));
    }
  }

  @Then("{word} receives an error {string} with ref {string}, pointing at {string}")
  public void errorWithRefPointing(String role, String code, String ref, String pointer) {
    expectError(role, code, ref, pointer);
  }

  @Then("{word} receives an error {string} without ref, pointing at {string}")
  public void errorPointingNoRef(String role, String code, String pointer) {
    expectError(role, code, null, pointer);
  }

  private void expectError(String role, String code, String ref, String pointer) {
    String expected = "an error with code " + code + (ref == null ? ", no ref" : ", ref " + ref) + " and pointer " + pointer;
    ErrorMessage error = links.latest(role).socket().expect(ErrorMessage.class, e -> true, Waits.reply(), expected).message();
    if (!code.equals(error.code()) || !Objects.equals(ref, error.ref()) || !pointer.equals(error.pointer())) {
      throw new CheckFailure(expected, WireText.of(error));
    }
  }

  @When("{word} sends {word} a chat whose recipient kind is {string}")
  public void invalidKind(String from, String to, String kind) {
    Link link = links.latest(from);
    Chat chat = ledger.prepare(link, cast.nextMessageId(), ledger.toUser(to), "kind " + kind);
    link.socket().sendText(CODEC.encode(chat).replace("\"kind\":\"user\"", "\"kind\":\"" + kind + "\""));
    ledger.record(link, chat);
  }

  @Then("{word} receives an error {string} about that chat, pointing at {string}")
  public void errorPointing(String role, String code, String pointer) {
    ErrorMessage error = errorAboutLast(role);
    if (!code.equals(error.code()) || !pointer.equals(error.pointer())) {
      throw new CheckFailure("an error with code " + code + ", ref " + ledger.last().id() + " and pointer " + pointer,
          WireText.of(error));
    }
  }

  @Then("the message of the error {word} receives names the member {string}")
  public void messageNamesMember(String role, String member) {
    ErrorMessage error = errorAboutLast(role);
    String name = member.substring(member.lastIndexOf('/') + 1);
    if (!error.message().contains(member) && !error.message().contains(name)) {
      throw new CheckFailure("an error message that names " + member, "\"" + error.message() + "\"");
    }
  }

  private ErrorMessage errorAboutLast(String role) {
    String id = ledger.last().id();
    return links.latest(role).socket().expect(ErrorMessage.class, e -> id.equals(e.ref()), Waits.reply(),
        "an error with ref " + id).message();
  }

  @Then("{word} receives nothing from {word} before her next chat")
  @Then("{word} receives nothing from {word} before his next chat")
  public void nothingBeforeNext(String to, String from) {
    Ledger.Sent refused = ledger.last();
    Link sender = links.latest(from);
    Ledger.Sent next = ledger.send(sender, ledger.toUser(to), "after the refused one");
    ChatDelivery first = ledger.firstFrom(links.latest(to), from).message();
    if (!first.id().equals(next.id())) {
      throw new CheckFailure("no delivery of the refused chat " + refused.id() + ", so chat " + next.id() + " first",
          "chat " + first.id() + " first");
    }
  }

  @Then("{word}'s connection is closed with a code of the close-code table")
  public void codeOfTheTable(String role) {
    Link link = links.latest(role);
    int code = link.socket().expectClose(Waits.reply(), "a close").code();
    if (CloseCode.of(code).isEmpty() || code == CloseCode.ABNORMAL.code()) {
      throw new CheckFailure("a close code of PROTOCOL.md §16", "close code " + code);
    }
  }

  @Then("{word}'s connection is closed with a reason for people of at most 123 bytes")
  public void readableReason(String role) {
    var closed = links.latest(role).socket().expectClose(Waits.reply(), "a close");
    String reason = closed.reason() == null ? "" : closed.reason();
    if (reason.isBlank() || reason.getBytes(StandardCharsets.UTF_8).length > Protocol.MAX_CLOSE_REASON_BYTES) {
      throw new CheckFailure("a close reason for people, of 1-" + Protocol.MAX_CLOSE_REASON_BYTES + " bytes",
          reason.isBlank() ? "no reason" : "\"" + reason + "\"");
    }
  }
}
