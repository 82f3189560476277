package io.longlink.kit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.longlink.kit.KitVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** results.json as written validates against the schema published beside the spec, which can also say no. */
public class ResultsSchemaTest {

  private static final Path SCHEMA = Path.of("..", "spec", "results.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What the schema finds wrong with a results document, one line each; empty when it validates. */
  public static List<String> problems(JsonNode results) throws IOException {
    return schema().validate(results).stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList();
  }

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8));
  }

  private static List<String> errors(ObjectNode document) throws IOException {
    return problems(MAPPER.readTree(document.toString()));
  }

  @Test
  void aRealRunsResultsValidate() throws IOException {
    ObjectNode results = JsonReport.tree(Fixtures.report());
    assertEquals(List.of(), errors(results));
    assertEquals(KitVersion.get(), results.path("kit_version").asText());
    assertTrue(results.path("kit_version").asText().matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"),
        "the build's version, not 'unknown': " + results.path("kit_version"));
    // The fixtures hold every kind of outcome, so that the schema met each of them.
    String text = results.toString();
    for (String member : List.of("\"failure\"", "\"skip_reason\"", "\"timing\"", "\"not-covered\"")) {
      assertTrue(text.contains(member), "the fixture run has " + member);
    }
  }

  @Test
  void theSchemaNamesWhatAResultsDocumentMustNotBe() throws IOException {
    ObjectNode results = JsonReport.tree(Fixtures.report());
    results.remove("kit_version");
    ((ObjectNode) results.path("run")).put("secret_header_value", "k-1");
    ((ObjectNode) results.path("rules").get(0)).put("status", "maybe");
    List<String> errors = errors(results);
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("kit_version")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.contains("secret_header_value")), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("/rules/0/status")), errors.toString());
  }

  @Test
  void theSchemaAndTheWriterAgreeOnTheFormat() throws IOException {
    assertEquals(JsonReport.FORMAT, MAPPER.readTree(SCHEMA.toFile()).path("properties").path("format").path("const").asText());
  }
}
