package io.longlink.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.longlink.codec.DecodeError.Kind;
import io.longlink.model.ClientMessage;
import io.longlink.model.ServerMessage;
import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.MessageDefinition;
import io.longlink.schema.SchemaViolation;
import java.util.List;
import java.util.Optional;

/**
 * JSON text to typed message and back. Decoding validates the message against the one schema of
 * its type and direction, so that an error names the offending member instead of listing every
 * branch of a union. It reads JSON within the bounds of PROTOCOL.md LL-ERR-8 and refuses strings
 * that are not Unicode text (LL-ERR-9). Thread-safe; create one and share it.
 */
public final class MessageCodec {

  private final ObjectMapper mapper;
  private final MessageCatalog catalog;
  private final ReadingRules rules;

  private MessageCodec(ReadingRules rules, MessageCatalog catalog) {
    this.mapper = newMapper(rules);
    this.catalog = catalog;
    this.rules = rules;
  }

  /** A codec for the packaged specification. */
  public static MessageCodec create() {
    return create(ReadingRules.LONGLINK);
  }

  /** A codec that reads by other rules than PROTOCOL.md's; for tests that show what the rules prevent. */
  public static MessageCodec create(ReadingRules rules) {
    return new MessageCodec(rules, MessageCatalog.load());
  }

  /** The JSON mapper the codec uses: strict about what JSON is, lenient about unknown members (LL-MSG-2, LL-MSG-3). */
  public static ObjectMapper newMapper() {
    return newMapper(ReadingRules.LONGLINK);
  }

  /**
   * Jackson reads to the bounds of the rules and no others: the frame size limit already bounds
   * strings and names, and any other limit would refuse messages LL-MSG-2 says to read.
   */
  private static ObjectMapper newMapper(ReadingRules rules) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(rules.maxDepth())
        .maxNumberLength(rules.maxNumberLength())
        .maxNameLength(Integer.MAX_VALUE)
        .maxStringLength(Integer.MAX_VALUE)
        .build();
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** Decodes a frame a client sent. */
  public DecodeResult<ClientMessage> decodeClientMessage(String text) {
    return decode(Direction.CLIENT_TO_SERVER, text, ClientMessage.class);
  }

  /** Decodes a frame a server sent. */
  public DecodeResult<ServerMessage> decodeServerMessage(String text) {
    return decode(Direction.SERVER_TO_CLIENT, text, ServerMessage.class);
  }

  /**
   * The message as JSON text, as fast as it can be written: nothing checks it against its schema
   * (see {@link #encodeValidated(ClientMessage)}).
   *
   * @param message a message a client sends
   * @return its JSON text
   */
  public String encode(ClientMessage message) {
    return write(message);
  }

  /**
   * The message as JSON text, as fast as it can be written: nothing checks it against its schema
   * (see {@link #encodeValidated(ServerMessage)}).
   *
   * @param message a message a server sends
   * @return its JSON text
   */
  public String encode(ServerMessage message) {
    return write(message);
  }

  /**
   * The message as JSON text once that JSON is checked against the message's schema, the check a
   * receiver's {@link #decodeClientMessage} makes: a producer cannot put on the wire what its peer
   * must refuse. A valid message costs a JSON tree and the quick check on top of {@link #encode}.
   *
   * @param message a message a client sends
   * @return its JSON text
   * @throws InvalidMessageException naming the first offending member by JSON Pointer and the
   *     schema keyword it breaks
   */
  public String encodeValidated(ClientMessage message) {
    return writeValidated(Direction.CLIENT_TO_SERVER, message, message.type());
  }

  /**
   * The message as JSON text once that JSON is checked against the message's schema, the check a
   * receiver's {@link #decodeServerMessage} makes.
   *
   * @param message a message a server sends
   * @return its JSON text
   * @throws InvalidMessageException naming the first offending member by JSON Pointer and the
   *     schema keyword it breaks
   */
  public String encodeValidated(ServerMessage message) {
    return writeValidated(Direction.SERVER_TO_CLIENT, message, message.type());
  }

  /** Parses a frame into a JSON tree, or says why it is not one JSON value. */
  public DecodeResult<JsonNode> parse(String text) {
    if (text == null || text.isBlank()) {
      return DecodeResult.failed(DecodeError.unreadable(Kind.NOT_JSON, "the frame is empty; send one JSON object"));
    }
    Optional<DecodeError> beyondBounds = ReadingBounds.check(text, rules);
    if (beyondBounds.isPresent()) {
      return DecodeResult.failed(beyondBounds.get());
    }
    try {
      return DecodeResult.ok(mapper.readTree(text));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at character " + (e.getLocation().getCharOffset() + 1);
      return DecodeResult.failed(DecodeError.unreadable(Kind.NOT_JSON,
          "the frame is not one JSON value" + where + ": " + e.getOriginalMessage()));
    }
  }

  private <T> DecodeResult<T> decode(Direction direction, String text, Class<T> union) {
    DecodeResult<JsonNode> parsed = parse(text);
    if (!parsed.isOk()) {
      return DecodeResult.failed(parsed.error());
    }
    JsonNode node = parsed.message();
    if (!node.isObject()) {
      return DecodeResult.failed(DecodeError.unreadable(Kind.NOT_AN_OBJECT,
          "the frame is a JSON " + node.getNodeType().name().toLowerCase() + ", not an object; send one JSON object per frame"));
    }
    JsonNode typeNode = node.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      return DecodeResult.failed(DecodeError.unreadable(Kind.MISSING_TYPE, typeNode == null
          ? "the message has no \"type\" member; every message names its type"
          : "the message's \"type\" is a " + typeNode.getNodeType().name().toLowerCase() + ", not a string"));
    }
    if (!rules.acceptUnpairedSurrogates() && UnpairedSurrogates.possibleIn(text)) {
      Optional<DecodeError> notText = unpairedSurrogates(node, typeNode.asText());
      if (notText.isPresent()) {
        return DecodeResult.failed(notText.get());
      }
    }
    String type = typeNode.asText();
    String ref = messageId(node).orElse(null);
    Optional<MessageDefinition> definition = catalog.find(direction, type);
    if (definition.isEmpty()) {
      return DecodeResult.failed(new DecodeError(Kind.UNKNOWN_TYPE, type, ref, List.of(),
          "unknown message type \"" + type + "\"; " + knownTypes(direction)));
    }
    List<SchemaViolation> violations = definition.get().validate(node);
    if (!violations.isEmpty()) {
      return DecodeResult.failed(new DecodeError(Kind.SCHEMA_VIOLATION, type, ref, violations,
          "invalid " + type + " message: " + violations.get(0)
              + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")));
    }
    try {
      return DecodeResult.ok(union.cast(mapper.treeToValue(node, definition.get().modelClass())));
    } catch (JsonProcessingException e) {
      // The schema accepted what the model could not bind: a defect of the generator, not of the input.
      throw new IllegalStateException("a schema-valid " + type + " message did not bind to "
          + definition.get().modelClass().getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A member name that is not Unicode text makes the frame unreadable: no pointer to that member
   * could be written as text. A string value that is not makes the message invalid, at its pointer.
   */
  private static Optional<DecodeError> unpairedSurrogates(JsonNode node, String type) {
    Optional<String> badName = UnpairedSurrogates.inNames(node, "");
    if (badName.isPresent()) {
      return Optional.of(DecodeError.unreadable(Kind.NOT_JSON, "a member name of the object at \""
          + badName.get() + "\" holds an unpaired surrogate; member names are Unicode text (I-JSON, RFC 7493)"));
    }
    List<SchemaViolation> violations = UnpairedSurrogates.inValues(node);
    if (violations.isEmpty()) {
      return Optional.empty();
    }
    String cleanType = UnpairedSurrogates.firstUnpaired(type) < 0 ? type : null;
    return Optional.of(new DecodeError(Kind.SCHEMA_VIOLATION, cleanType, messageId(node).orElse(null), violations,
        "invalid " + (cleanType == null ? "" : cleanType + " ") + "message: " + violations.get(0)
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "")));
  }

  /** The message's {@code id} when it is a valid message id: what an error's {@code ref} names. */
  public static Optional<String> messageId(JsonNode message) {
    JsonNode id = message.get("id");
    if (id != null && id.isTextual() && isMessageId(id.textValue())) {
      return Optional.of(id.textValue());
    }
    return Optional.empty();
  }

  /** {@code ^[A-Za-z0-9._:-]{1,64}$}, without a matcher per frame. */
  private static boolean isMessageId(String id) {
    if (id.isEmpty() || id.length() > 64) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
          || c == '_' || c == ':' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private String knownTypes(Direction direction) {
    StringBuilder known = new StringBuilder("known types are");
    for (MessageDefinition d : catalog.messages(direction)) {
      known.append(' ').append(d.type());
    }
    return known.toString();
  }

  private String writeValidated(Direction direction, Object message, String type) {
    JsonNode tree = mapper.valueToTree(message);
    MessageDefinition definition = catalog.find(direction, type).orElseThrow(() -> new IllegalStateException(
        "no " + direction + " message has type \"" + type + "\"; " + knownTypes(direction)));
    List<SchemaViolation> violations = UnpairedSurrogates.inValues(tree);
    if (violations.isEmpty()) {
      violations = definition.validate(tree);
    }
    if (!violations.isEmpty()) {
      throw new InvalidMessageException(type, violations);
    }
    return write(tree);
  }

  private String write(Object message) {
    try {
      return mapper.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + message + ": " + e.getOriginalMessage(), e);
    }
  }
}
