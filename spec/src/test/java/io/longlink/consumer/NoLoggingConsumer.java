package io.longlink.consumer;

import io.longlink.codec.InvalidMessageException;
import io.longlink.codec.MessageCodec;
import io.longlink.model.Chat;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;

/**
 * A consumer of the models that uses no logging, run in a JVM of its own by NoSlf4jWarningTest:
 * everything that reaches the JSON Schema validator (the catalog, a valid and an invalid decode,
 * a refused encodeValidated). With {@code slf4j-first} it starts SLF4J itself first, which shows
 * the test would see the warning; with {@code report-factory} it prints the logger factory SLF4J
 * settled on.
 */
public final class NoLoggingConsumer {

  private NoLoggingConsumer() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("slf4j-first")) {
      org.slf4j.LoggerFactory.getLogger(NoLoggingConsumer.class);
    }
    MessageCodec codec = MessageCodec.create();
    Chat chat = Chat.of("m1", Recipient.of(RecipientKind.USER, "bob"), "hi");
    String json = codec.encodeValidated(chat);
    if (!codec.decodeClientMessage(json).isOk()) {
      throw new AssertionError("a valid chat did not decode");
    }
    if (codec.decodeClientMessage("{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"\"}}").isOk()) {
      throw new AssertionError("an invalid chat decoded");
    }
    try {
      codec.encodeValidated(chat.withSig("not a signature"));
      throw new AssertionError("an invalid chat encoded");
    } catch (InvalidMessageException expected) {
      System.out.println("refused: " + expected.getMessage());
    }
    if (args.length > 0 && args[0].equals("report-factory")) {
      System.out.println("logger factory: " + org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName());
    }
    System.out.println("ok");
  }
}
