package io.longlink.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every message of Longlink v1, read from the AsyncAPI document packaged with this artifact:
 * the document's operations say which way each message travels, its payload reference names
 * the schema, the schema's {@code title} names the generated record. Nothing here repeats the
 * specification.
 */
public final class MessageCatalog {

  /** Where the specification files sit on the class path. */
  public static final String SPEC_RESOURCE_DIR = "longlink/spec/";

  /** The {@code $id} prefix of every Longlink schema. */
  public static final String SCHEMA_ID_PREFIX = "https://longlink.io/schemas/v1/";

  private static final String MODEL_PACKAGE = "io.longlink.model.";

  private static volatile MessageCatalog instance;

  /** The schema files as plain JSON, read once, for the quick checks. */
  private static final Map<String, JsonNode> SCHEMA_DOCUMENTS = new ConcurrentHashMap<>();

  private final Map<Direction, Map<String, MessageDefinition>> byDirection;

  private MessageCatalog(Map<Direction, Map<String, MessageDefinition>> byDirection) {
    this.byDirection = byDirection;
  }

  /** The catalog of the packaged specification, loaded once. */
  public static MessageCatalog load() {
    MessageCatalog local = instance;
    if (local == null) {
      synchronized (MessageCatalog.class) {
        local = instance;
        if (local == null) {
          local = read();
          instance = local;
        }
      }
    }
    return local;
  }

  /** The message of this direction and type. */
  public Optional<MessageDefinition> find(Direction direction, String type) {
    return Optional.ofNullable(byDirection.get(direction).get(type));
  }

  /** Every message of one direction, in the order of the AsyncAPI document. */
  public List<MessageDefinition> messages(Direction direction) {
    return List.copyOf(byDirection.get(direction).values());
  }

  /** The compiled schema of a file under {@code schemas/}, e.g. {@code chat.json}. */
  public static Schema schema(String schemaFile) {
    return Registry.INSTANCE.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + schemaFile));
  }

  /**
   * Every way a JSON value breaks a schema under {@code schemas/} (e.g. {@code driver/event.json}),
   * each naming the offending member by its JSON Pointer; empty when it validates.
   */
  public static List<SchemaViolation> violations(String schemaFile, JsonNode value) {
    return SchemaErrors.toViolations(schema(schemaFile).validate(value));
  }

  /** The packaged AsyncAPI document. */
  public static JsonNode asyncApiDocument() {
    try (InputStream in = resource("asyncapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged asyncapi.yaml", e);
    }
  }

  /** Opens a packaged specification file, e.g. {@code PROTOCOL.md}. */
  public static InputStream resource(String name) {
    InputStream in = MessageCatalog.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE_DIR + name);
    if (in == null) {
      throw new IllegalStateException("the specification file " + name + " is missing from the class path ("
          + SPEC_RESOURCE_DIR + name + "); is longlink-model on the class path?");
    }
    return in;
  }

  private static MessageCatalog read() {
    JsonNode doc = asyncApiDocument();
    Map<Direction, Map<String, MessageDefinition>> byDirection = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      byDirection.put(d, new LinkedHashMap<>());
    }
    for (JsonNode operation : iterable(doc.path("operations"))) {
      boolean received = "receive".equals(operation.path("action").asText());
      Direction incoming = received ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
      Direction reply = received ? Direction.SERVER_TO_CLIENT : Direction.CLIENT_TO_SERVER;
      for (JsonNode ref : iterable(operation.path("messages"))) {
        add(byDirection.get(incoming), incoming, doc, ref);
      }
      for (JsonNode ref : iterable(operation.path("reply").path("messages"))) {
        add(byDirection.get(reply), reply, doc, ref);
      }
    }
    Map<Direction, Map<String, MessageDefinition>> frozen = new EnumMap<>(Direction.class);
    byDirection.forEach((d, m) -> frozen.put(d, Collections.unmodifiableMap(m)));
    return new MessageCatalog(frozen);
  }

  private static void add(Map<String, MessageDefinition> into, Direction direction, JsonNode doc, JsonNode ref) {
    String pointer = ref.path("$ref").asText();
    JsonNode message = resolve(doc, pointer);
    while (message.has("$ref")) {
      pointer = message.get("$ref").asText();
      message = resolve(doc, pointer);
    }
    String name = lastSegment(pointer);
    String payloadRef = message.path("payload").path("$ref").asText();
    String schemaFile = lastSegment(payloadRef);
    Schema schema = schema(schemaFile);
    JsonNode schemaNode = schema.getSchemaNode();
    String type = schemaNode.path("properties").path("type").path("const").asText();
    String title = schemaNode.path("title").asText();
    MessageDefinition definition = new MessageDefinition(direction, type, name, schemaFile, modelClass(title), schema,
        QuickCheck.of(schemaNode, schemaFile, MessageCatalog::schemaDocument));
    MessageDefinition previous = into.putIfAbsent(type, definition);
    if (previous != null && !previous.name().equals(name)) {
      throw new IllegalStateException("asyncapi.yaml gives type '" + type + "' to both " + previous.name()
          + " and " + name + " in direction " + direction);
    }
  }

  /** A schema file as JSON, for a quick check's {@code $ref}s; null when there is none. */
  static JsonNode schemaDocument(String file) {
    return SCHEMA_DOCUMENTS.computeIfAbsent(file, f -> {
      try (InputStream in = resource("schemas/" + f)) {
        return new ObjectMapper().readTree(in);
      } catch (IOException | IllegalStateException e) {
        return null;
      }
    });
  }

  private static JsonNode resolve(JsonNode doc, String pointer) {
    JsonNode node = pointer.startsWith("#/") ? doc.at(pointer.substring(1)) : null;
    if (node == null || node.isMissingNode()) {
      throw new IllegalStateException("asyncapi.yaml has a $ref that leads nowhere: " + pointer);
    }
    return node;
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static Class<?> modelClass(String title) {
    try {
      return Class.forName(MODEL_PACKAGE + title);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated model " + MODEL_PACKAGE + title
          + " for the schema titled '" + title + "'; rebuild longlink-model", e);
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    node.elements().forEachRemaining(items::add);
    return items;
  }

  /** One schema registry for the process: schemas are immutable and compiled once. */
  private static final class Registry {
    static {
      // The registry's class starts SLF4J: without a provider, quietly (SilentWithoutLogging).
      SilentWithoutLogging.startSlf4j();
    }

    static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        builder -> builder
            .schemaRegistryConfig(SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH)
                .build())
            .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, "classpath:" + SPEC_RESOURCE_DIR + "schemas/")));
  }
}
