package io.longlink.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.SchemaViolation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every JSON example of PROTOCOL.md names its schema and validates against it. */
class ProtocolExamplesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void theDocumentHasAnExampleForEveryMessageSchema() {
    List<ProtocolDocument.Example> examples = ProtocolDocument.load().jsonExamples();
    long schemas = examples.stream().map(ProtocolDocument.Example::schemaFile).distinct().count();
    assertEquals(14, schemas, "one example per message schema in §5");
  }

  @TestFactory
  Stream<DynamicTest> everyJsonExampleValidatesAgainstItsSchema() {
    return ProtocolDocument.load().jsonExamples().stream().map(example ->
        DynamicTest.dynamicTest("PROTOCOL.md line " + example.line(), () -> {
          assertNotNull(example.schemaFile(), "the JSON example at PROTOCOL.md line " + example.line()
              + " has no 'Schema: `schemas/...`' line before it in its section");
          JsonNode json = mapper.readTree(example.json());
          List<SchemaViolation> violations = MessageCatalog.schema(example.schemaFile()).validate(json).stream()
              .map(e -> new SchemaViolation(e.getInstanceLocation().toString(), e.getMessage())).toList();
          assertTrue(violations.isEmpty(), "PROTOCOL.md line " + example.line() + " breaks "
              + example.schemaFile() + ": " + violations);
        }));
  }
}
