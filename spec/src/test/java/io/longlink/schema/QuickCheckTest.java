package io.longlink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quick check never says yes where the validator says no: for every example of the AsyncAPI
 * document and thousands of mutants of them (each member removed, or replaced by a value of every
 * JSON kind, at and past every bound, with line breaks and characters outside the BMP), and it
 * does say yes for every example, so that valid frames skip the validator.
 */
class QuickCheckTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** (definition, example payload) for every example of every message the catalog knows. */
  private static List<Map.Entry<MessageDefinition, JsonNode>> examples() {
    MessageCatalog catalog = MessageCatalog.load();
    JsonNode messages = MessageCatalog.asyncApiDocument().path("components").path("messages");
    List<Map.Entry<MessageDefinition, JsonNode>> all = new ArrayList<>();
    for (Direction d : Direction.values()) {
      for (MessageDefinition m : catalog.messages(d)) {
        for (JsonNode example : messages.path(m.name()).path("examples")) {
          all.add(Map.entry(m, example.path("payload")));
        }
      }
    }
    return all;
  }

  @Test
  void everyMessageHasAQuickCheckThatTakesEveryExample() {
    List<Map.Entry<MessageDefinition, JsonNode>> examples = examples();
    assertTrue(examples.size() >= 15, "examples: " + examples.size());
    for (Map.Entry<MessageDefinition, JsonNode> e : examples) {
      assertTrue(e.getKey().quick().accepts(e.getValue()),
          () -> "the quick check of " + e.getKey().type() + " refuses its example " + e.getValue());
    }
  }

  @Test
  void neverSaysYesWhereTheValidatorSaysNo() {
    int mutants = 0;
    int validatorNo = 0;
    int quickYes = 0;
    for (Map.Entry<MessageDefinition, JsonNode> e : examples()) {
      MessageDefinition m = e.getKey();
      for (JsonNode mutant : mutants(e.getValue())) {
        mutants++;
        boolean quick = m.quick().accepts(mutant);
        boolean valid = SchemaErrors.toViolations(m.schema().validate(mutant)).isEmpty();
        if (quick) {
          quickYes++;
          assertTrue(valid, () -> "the quick check of " + m.type() + " takes " + mutant + ", the validator refuses it: "
              + SchemaErrors.toViolations(m.schema().validate(mutant)));
        }
        if (!valid) {
          validatorNo++;
        }
      }
    }
    assertTrue(mutants > 3_000, "mutants: " + mutants);
    assertTrue(validatorNo > mutants / 3, "the mutants must mostly break the schema: " + validatorNo + " of " + mutants);
    assertTrue(quickYes > mutants / 20, "the quick check took almost none of the valid mutants: " + quickYes);
  }

  @Test
  void aSchemaWithAKeywordItDoesNotKnowGetsNoQuickCheck() throws Exception {
    JsonNode schema = MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"format\":\"email\"}}}");
    assertEquals(QuickCheck.NONE, QuickCheck.of(schema, "x.json", f -> null));
    JsonNode beside = MAPPER.readTree("{\"properties\":{\"a\":{\"$ref\":\"#/definitions/b\",\"maxLength\":3}},"
        + "\"definitions\":{\"b\":{\"type\":\"string\"}}}");
    assertEquals(QuickCheck.NONE, QuickCheck.of(beside, "x.json", f -> null), "draft-07 ignores a $ref's siblings");
    JsonNode lookaround = MAPPER.readTree("{\"type\":\"string\",\"pattern\":\"^(?!x)[a-z]+$\"}");
    assertEquals(QuickCheck.NONE, QuickCheck.of(lookaround, "x.json", f -> null));
    JsonNode plain = MAPPER.readTree("{\"type\":\"string\",\"pattern\":\"^[a-z]{1,3}$\"}");
    QuickCheck check = QuickCheck.of(plain, "x.json", f -> null);
    assertTrue(check.accepts(JSON.textNode("abc")));
    assertFalse(check.accepts(JSON.textNode("abc\n")), "Java's $ also matches before a final line break");
  }

  /** Every member of the example (at any depth) removed, or replaced by each of {@link #values()}; and an unknown member added. */
  private static List<JsonNode> mutants(JsonNode example) {
    List<JsonNode> out = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    collect(example, "", pointers);
    for (String pointer : pointers) {
      String parent = pointer.substring(0, pointer.lastIndexOf('/'));
      String name = pointer.substring(pointer.lastIndexOf('/') + 1);
      JsonNode removed = example.deepCopy();
      ((ObjectNode) removed.at(parent.isEmpty() ? "" : parent)).remove(name);
      out.add(removed);
      for (JsonNode v : values()) {
        JsonNode copy = example.deepCopy();
        JsonNode holder = parent.isEmpty() ? copy : copy.at(parent);
        ((ObjectNode) holder).set(name, v);
        out.add(copy);
      }
    }
    ObjectNode extra = example.deepCopy();
    extra.put("x_unknown", 1);
    out.add(extra);
    out.add(JSON.arrayNode());
    out.add(JSON.textNode("chat"));
    return out;
  }

  private static void collect(JsonNode node, String at, List<String> pointers) {
    if (node instanceof ObjectNode object) {
      object.fieldNames().forEachRemaining(n -> {
        pointers.add(at + "/" + n);
        collect(object.get(n), at + "/" + n, pointers);
      });
    }
  }

  private static List<JsonNode> values() {
    List<JsonNode> v = new ArrayList<>();
    v.add(JSON.nullNode());
    v.add(JSON.booleanNode(true));
    v.add(JSON.booleanNode(false));
    for (long n : new long[] {-1, 0, 1, 2, 1_000, 604_800_000L, 604_800_001L, 9_007_199_254_740_991L,
        9_007_199_254_740_992L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      v.add(JSON.numberNode(n));
    }
    v.add(JSON.numberNode(new BigInteger("123456789012345678901234567890")));
    v.add(JSON.numberNode(1.0));
    v.add(JSON.numberNode(-0.0));
    v.add(JSON.numberNode(1.5));
    v.add(JSON.numberNode(new BigDecimal("9007199254740991.0")));
    v.add(JSON.numberNode(1e300));
    for (String s : new String[] {"", "a", "user", "room", "chat", "ping", "A-z_0.9:x", "ab c", "abc\n", "abc\r",
        "a\u2028", "é", "\uD83D\uDE00", "\uD83D\uDE00".repeat(64), "x".repeat(43), "x".repeat(64), "x".repeat(65),
        "x".repeat(128), "x".repeat(129), "\uD83D\uDE00".repeat(65), "longlink.v1", "~!", "\u007f", "\t"}) {
      v.add(JSON.textNode(s));
    }
    v.add(JSON.objectNode());
    v.add(JSON.objectNode().put("kind", "user").put("id", "bob"));
    v.add(JSON.objectNode().put("kind", "room").put("id", "r 1"));
    v.add(JSON.objectNode().put("kind", "group").put("id", "bob"));
    v.add(JSON.objectNode().put("kind", "user"));
    v.add(JSON.arrayNode());
    v.add(JSON.arrayNode().add("a"));
    return v;
  }
}
