package io.longlink.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.schema.MessageCatalog;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every example of the driver contract (DRIVER.md and the schemas' own examples) validates against its schema. */
class DriverExamplesTest {

  private static final String COMMAND = "driver/command.json";
  private static final String EVENT = "driver/event.json";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ProtocolDocument driver = ProtocolDocument.load("DRIVER.md");

  @TestFactory
  Stream<DynamicTest> everyJsonExampleValidatesAgainstItsSchema() {
    return driver.jsonExamples().stream().map(example ->
        DynamicTest.dynamicTest("DRIVER.md line " + example.line(), () -> {
          assertTrue(example.schemaFile() != null && example.schemaFile().startsWith("driver/"),
              "the JSON example at DRIVER.md line " + example.line() + " has no 'Schema: `schemas/driver/...`' line before it in its section");
          assertValid(example.schemaFile(), mapper.readTree(example.json()), "DRIVER.md line " + example.line());
        }));
  }

  @TestFactory
  Stream<DynamicTest> everyTranscriptLineValidatesAgainstItsDirection() {
    List<ProtocolDocument.TranscriptLine> lines = driver.transcriptLines();
    assertFalse(lines.isEmpty(), "DRIVER.md has a transcript");
    return lines.stream().map(line -> DynamicTest.dynamicTest("DRIVER.md line " + line.line(), () -> {
      assertTrue(line.direction() != '?', "DRIVER.md line " + line.line() + " starts with neither '> ' nor '< '");
      assertValid(line.direction() == '>' ? COMMAND : EVENT, mapper.readTree(line.json()), "DRIVER.md line " + line.line());
    }));
  }

  @TestFactory
  Stream<DynamicTest> everySchemaExampleValidates() {
    return Stream.of(COMMAND, EVENT).flatMap(file -> {
      JsonNode examples = MessageCatalog.schema(file).getSchemaNode().path("examples");
      assertFalse(examples.isEmpty(), file + " has examples");
      return Stream.iterate(0, i -> i < examples.size(), i -> i + 1).map(i ->
          DynamicTest.dynamicTest(file + " example " + i, () -> assertValid(file, examples.get(i), file + " example " + i)));
    });
  }

  @Test
  void theDocumentShowsEveryCommandAndEvent() {
    for (String file : List.of(COMMAND, EVENT)) {
      Set<String> types = new TreeSet<>();
      MessageCatalog.schema(file).getSchemaNode().path("properties").path("type").path("enum")
          .forEach(t -> types.add(t.asText()));
      Set<String> shown = new TreeSet<>();
      for (ProtocolDocument.Example e : driver.jsonExamples()) {
        if (file.equals(e.schemaFile())) {
          shown.add(read(e.json()).path("type").asText());
        }
      }
      assertEquals(types, shown, "DRIVER.md has a JSON example for every type of " + file);
    }
  }

  /** The schemas are not vacuous: each line below breaks the contract, at the member named. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "driver/event.json   | {\"type\": \"state\", \"state\": \"opening\"}                                      | /state",
      "driver/event.json   | {\"type\": \"state\", \"state\": \"reconnecting\", \"attempt\": 1}                  | delay_ms",
      "driver/event.json   | {\"type\": \"state\", \"state\": \"open\"}                                         | session_id",
      "driver/event.json   | {\"type\": \"done\"}                                                             | cid",
      "driver/event.json   | {\"type\": \"bogus\"}                                                            | /type",
      "driver/event.json   | {\"type\": \"ready\", \"contract\": 2, \"client\": {\"name\": \"x\", \"version\": \"1\"}, \"supports\": []} | /contract",
      "driver/event.json   | {\"type\": \"failed\", \"id\": \"m-1\", \"code\": \"Not Confirmed\"}                  | /code",
      "driver/event.json   | {\"type\": \"delivered\", \"id\": \"m-1\", \"seq\": 0, \"from\": \"a\", \"to\": {\"kind\": \"user\", \"id\": \"b\"}, \"body\": \"x\", \"redelivered\": false} | /seq",
      "driver/command.json | {\"type\": \"send\", \"cid\": \"c1\", \"to\": {\"kind\": \"group\", \"id\": \"x\"}, \"body\": \"hi\"} | /to/kind",
      "driver/command.json | {\"type\": \"connect\", \"cid\": \"c1\", \"url\": \"http://127.0.0.1/ws\", \"token\": \"t\"} | /url",
      "driver/command.json | {\"type\": \"ack\", \"cid\": \"c1\"}                                                | seq",
      "driver/command.json | {\"type\": \"close\"}                                                             | cid",
      "driver/command.json | {\"type\": \"ack_policy\", \"cid\": \"c1\", \"mode\": \"later\"}                       | /mode",
  })
  void schemasRejectLinesThatBreakTheContract(String file, String line, String member) {
    var errors = MessageCatalog.schema(file.trim()).validate(read(line.trim()));
    assertFalse(errors.isEmpty(), file + " accepts " + line);
    assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().equals(member.trim())
            || e.getMessage().contains(member.trim())),
        file + " rejects " + line + " but names no " + member.trim() + ": " + errors);
  }

  private void assertValid(String file, JsonNode json, String where) {
    var errors = MessageCatalog.schema(file).validate(json);
    assertTrue(errors.isEmpty(), where + " breaks " + file + ": " + errors);
  }

  private JsonNode read(String json) {
    try {
      return mapper.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
