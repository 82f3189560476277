package io.longlink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.codec.MessageCodec;
import io.longlink.model.AuthOk;
import io.longlink.schema.MessageCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterCheckTest {

  private static ObjectNode defaultsExample() {
    JsonNode examples = MessageCatalog.asyncApiDocument().at("/components/messages/authOk/examples");
    for (JsonNode example : examples) {
      if (example.path("name").asText().equals("defaults")) {
        return (ObjectNode) example.path("payload").deepCopy();
      }
    }
    throw new AssertionError("asyncapi.yaml has no auth_ok example named defaults");
  }

  private static AuthOk authOk(JsonNode json) throws Exception {
    return MessageCodec.newMapper().treeToValue(json, AuthOk.class);
  }

  @Test
  void theDefaultsExampleAdvertisesExactlyTheDefaults() throws Exception {
    AuthOk defaults = authOk(defaultsExample());
    for (SessionParameter p : SessionParameter.values()) {
      if (p == SessionParameter.REPLAY_WINDOW_MS) {
        continue;
      }
      assertEquals(p.defaultValue(), p.readFrom(defaults).orElseThrow().doubleValue(), p.path());
    }
    assertEquals(List.of(), ParameterCheck.problems(defaults));
  }

  @Test
  void aTimeoutShorterThanTwoIntervalsIsReported() throws Exception {
    ObjectNode json = defaultsExample();
    ((ObjectNode) json.get("heartbeat")).put("timeout_ms", 40_000);
    List<String> problems = ParameterCheck.problems(authOk(json));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("at least twice heartbeat.interval_ms (2 x 25000 = 50000)"), problems.get(0));
  }

  @Test
  void aCapBelowTheInitialDelayIsReported() throws Exception {
    ObjectNode json = defaultsExample();
    ((ObjectNode) json.get("reconnect")).put("max_delay_ms", 500);
    assertTrue(ParameterCheck.problems(authOk(json)).get(0).startsWith("reconnect.max_delay_ms is 500"));
  }

  @Test
  void pendingBytesBelowTwoLargestMessagesAreReported() throws Exception {
    ObjectNode json = defaultsExample();
    ((ObjectNode) json.get("delivery")).put("max_pending_bytes", 100_000);
    List<String> problems = ParameterCheck.problems(authOk(json));
    assertEquals(List.of("delivery.max_pending_bytes is 100000; it has to be at least twice limits.max_message_bytes"
        + " (2 x 65536 = 131072), so that one largest chat always fits in an empty queue"), problems);
  }

  @Test
  void aReplayWindowLongerThanTheDedupWindowIsReported() throws Exception {
    ObjectNode json = defaultsExample();
    json.put("dedup_window_ms", 30_000);
    json.putObject("signing").put("alg", "HMAC-SHA256").put("replay_window_ms", 60_000);
    assertTrue(ParameterCheck.problems(authOk(json)).get(0).startsWith("signing.replay_window_ms is 60000"));
  }

  @Test
  void outOfRangeAndMissingValuesAreReported() throws Exception {
    ObjectNode json = defaultsExample();
    ((ObjectNode) json.get("limits")).put("max_message_bytes", 10);
    json.remove("dedup_window_ms");
    List<String> problems = ParameterCheck.problems(authOk(json));
    assertTrue(problems.contains("limits.max_message_bytes is 10, outside its allowed range 1024-16777216"), problems.toString());
    assertTrue(problems.contains("dedup_window_ms is missing"), problems.toString());
  }
}
