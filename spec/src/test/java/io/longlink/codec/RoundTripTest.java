package io.longlink.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.model.ClientMessage;
import io.longlink.model.ServerMessage;
import io.longlink.schema.Direction;
import io.longlink.schema.MessageCatalog;
import io.longlink.schema.MessageDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every message type decodes from its examples to its own record and encodes back to the same JSON. */
class RoundTripTest {

  private final MessageCodec codec = MessageCodec.create();
  private final ObjectMapper mapper = MessageCodec.newMapper();

  record Sample(MessageDefinition definition, String example, JsonNode payload) {}

  static List<Sample> samples() {
    JsonNode doc = MessageCatalog.asyncApiDocument();
    MessageCatalog catalog = MessageCatalog.load();
    List<Sample> samples = new ArrayList<>();
    for (Direction d : Direction.values()) {
      for (MessageDefinition def : catalog.messages(d)) {
        for (JsonNode example : doc.path("components").path("messages").path(def.name()).path("examples")) {
          samples.add(new Sample(def, example.path("name").asText(), example.path("payload")));
        }
      }
    }
    return samples;
  }

  @Test
  void everyMessageTypeOfBothDirectionsHasASample() {
    Set<String> covered = new HashSet<>();
    samples().forEach(s -> covered.add(s.definition().direction() + " " + s.definition().type()));
    MessageCatalog catalog = MessageCatalog.load();
    int types = catalog.messages(Direction.CLIENT_TO_SERVER).size() + catalog.messages(Direction.SERVER_TO_CLIENT).size();
    assertEquals(14, types, "Longlink v1 has 6 client and 8 server messages");
    assertEquals(types, covered.size(), "types with a sample: " + covered);
  }

  @TestFactory
  Stream<DynamicTest> decodeThenEncodeGivesBackTheSameJson() {
    return samples().stream().map(s -> DynamicTest.dynamicTest(
        s.definition().direction() + " " + s.definition().type() + " (" + s.example() + ")", () -> {
          String text = mapper.writeValueAsString(s.payload());
          String encoded;
          Object message;
          if (s.definition().direction() == Direction.CLIENT_TO_SERVER) {
            DecodeResult<ClientMessage> decoded = codec.decodeClientMessage(text);
            assertTrue(decoded.isOk(), () -> decoded.toString());
            message = decoded.message();
            encoded = codec.encode(decoded.message());
          } else {
            DecodeResult<ServerMessage> decoded = codec.decodeServerMessage(text);
            assertTrue(decoded.isOk(), () -> decoded.toString());
            message = decoded.message();
            encoded = codec.encode(decoded.message());
          }
          assertEquals(s.definition().modelClass(), message.getClass());
          assertEquals(normalise(s.payload()), normalise(mapper.readTree(encoded)));
        }));
  }

  @Test
  void encodedMessagesStartWithTheirType() {
    String encoded = codec.encode(new io.longlink.model.Ping("p-1"));
    assertEquals("{\"type\":\"ping\",\"id\":\"p-1\"}", encoded);
  }

  /** 2.0 and 2 are the same JSON number. */
  private static JsonNode normalise(JsonNode node) {
    if (node.isNumber()) {
      double v = node.doubleValue();
      return v == Math.rint(v) ? new ObjectMapper().getNodeFactory().numberNode((long) v) : node;
    }
    if (node.isObject()) {
      var copy = new ObjectMapper().createObjectNode();
      for (Map.Entry<String, JsonNode> e : iterable(node)) {
        copy.set(e.getKey(), normalise(e.getValue()));
      }
      return copy;
    }
    return node;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    object.fields().forEachRemaining(entries::add);
    return entries;
  }
}
