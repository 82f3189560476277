package io.longlink.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.longlink.schema.MessageCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example of asyncapi.yaml validates against its message's payload schema. */
class AsyncApiExamplesTest {

  /** (message name, example name, schema file, payload) for every example of the document. */
  static List<Object[]> examples() {
    JsonNode messages = MessageCatalog.asyncApiDocument().path("components").path("messages");
    List<Object[]> all = new ArrayList<>();
    for (Map.Entry<String, JsonNode> m : iterable(messages)) {
      String ref = m.getValue().path("payload").path("$ref").asText();
      String schemaFile = ref.substring(ref.lastIndexOf('/') + 1);
      for (JsonNode example : m.getValue().path("examples")) {
        all.add(new Object[] {m.getKey(), example.path("name").asText(), schemaFile, example.path("payload")});
      }
    }
    return all;
  }

  @Test
  void everyMessageHasAtLeastOneExample() {
    JsonNode messages = MessageCatalog.asyncApiDocument().path("components").path("messages");
    for (Map.Entry<String, JsonNode> m : iterable(messages)) {
      assertFalse(m.getValue().path("examples").isEmpty(), "message " + m.getKey() + " has no example");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleValidatesAgainstItsPayloadSchema() {
    return examples().stream().map(e -> DynamicTest.dynamicTest(e[0] + "/" + e[1], () -> {
      var errors = MessageCatalog.schema((String) e[2]).validate((JsonNode) e[3]);
      assertTrue(errors.isEmpty(), "example " + e[1] + " of message " + e[0] + " breaks " + e[2] + ": " + errors);
    }));
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }
}
