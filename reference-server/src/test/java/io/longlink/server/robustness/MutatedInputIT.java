package io.longlink.server.robustness;

import static io.longlink.server.testing.ServerExtension.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.protocol.CloseCode;
import io.longlink.schema.MessageCatalog;
import io.longlink.server.testing.Messages;
import io.longlink.server.testing.TestClient;
import io.longlink.server.testing.TestServer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutations of valid client messages, thrown at the server one after another: every
 * one gets a defined outcome (an answer, an error, or a close with a code of the table, never
 * 1011), and a calm client keeps chatting meanwhile. The seed is fixed, so a failure reproduces.
 */
class MutatedInputIT {

  private static final long SEED = 20261122L;
  private static final int FRAMES = 1_500;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyMutationGetsADefinedOutcomeAndNobodyElseNotices() throws Exception {
    Random random = new Random(SEED);
    List<JsonNode> seeds = clientExamples();
    String calmUser = TestServer.user("calm");
    String friend = TestServer.user("friend");
    try (TestServer server = TestServer.start(b -> b.set(io.longlink.protocol.SessionParameter.RATE_MESSAGES, 100_000L));
        TestClient calm = TestClient.session(server.uri(), calmUser);
        TestClient buddy = TestClient.session(server.uri(), friend)) {
      TestClient mutant = TestClient.session(server.uri(), TestServer.user("mutant"));
      int closes = 0;
      for (int i = 0; i < FRAMES; i++) {
        String frame = mutate(seeds.get(random.nextInt(seeds.size())), random);
        mutant.send(frame);
        String probe = "probe-" + i;
        if (!answersProbe(mutant, probe, frame)) {
          TestClient.Closed c = mutant.awaitClose(WAIT);
          assertTrue(CloseCode.of(c.code()).isPresent() && c.code() != CloseCode.INTERNAL_ERROR.code(),
              "frame " + i + " closed the connection with " + c.code() + " (" + c.reason() + "): " + frame);
          closes++;
          mutant.close();
          mutant = TestClient.session(server.uri(), TestServer.user("mutant"));
        }
        if (i % 100 == 0) {
          calm.send(Messages.chatTo(friend, "calm-" + i, "still fine"));
          assertEquals("calm-" + i, calm.awaitType("ack", WAIT).path("id").asText());
          JsonNode d = buddy.awaitType("chat", WAIT);
          buddy.send(Messages.ack(d.path("seq").asLong()));
        }
      }
      mutant.close();
      assertFalse(server.server().metrics().prometheus().contains("longlink_closes_total{code=\"1011\"}"),
          server.server().metrics().prometheus());
      assertTrue(closes > 0 && closes < FRAMES, "some mutations are unreadable, most are not: " + closes + " closes");
    }
  }

  /** Whether the connection still answers a ping after the frame; false when the server closed it. */
  private static boolean answersProbe(TestClient mutant, String probe, String frame) throws Exception {
    try {
      mutant.send(Messages.ping(probe));
      mutant.await(m -> "pong".equals(m.path("type").asText()) && probe.equals(m.path("id").asText()),
          "the pong after: " + frame, WAIT);
      return true;
    } catch (CompletionException | AssertionError closed) {
      return false;
    }
  }

  private static List<JsonNode> clientExamples() {
    List<JsonNode> seeds = new ArrayList<>();
    JsonNode messages = MessageCatalog.asyncApiDocument().path("components").path("messages");
    for (String name : List.of("ping", "chat", "deliveryAck", "join", "leave")) {
      messages.path(name).path("examples").forEach(e -> seeds.add(e.path("payload")));
    }
    return seeds;
  }

  private static String mutate(JsonNode seed, Random random) throws Exception {
    ObjectNode message = (ObjectNode) seed.deepCopy();
    switch (random.nextInt(9)) {
      case 0 -> message.remove(randomField(message, random));
      case 1 -> message.set(randomField(message, random), randomValue(random));
      case 2 -> message.set("x" + random.nextInt(1000), randomValue(random));
      case 3 -> message.put("type", randomString(random));
      case 4 -> {
        String text = JSON.writeValueAsString(message);
        return text.substring(0, random.nextInt(text.length()));
      }
      case 5 -> {
        return "[".repeat(1 + random.nextInt(5_000));
      }
      case 6 -> message.put("id", randomString(random));
      case 7 -> {
        String text = JSON.writeValueAsString(message);
        return text.replaceFirst("\\{", "{\"type\":\"chat\",");
      }
      default -> message.set("to", randomValue(random));
    }
    return JSON.writeValueAsString(message);
  }

  private static String randomField(ObjectNode message, Random random) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = message.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names.get(random.nextInt(names.size()));
  }

  private static JsonNode randomValue(Random random) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (random.nextInt(7)) {
      case 0 -> f.nullNode();
      case 1 -> f.numberNode(random.nextLong());
      case 2 -> f.numberNode(random.nextDouble() * 1e300);
      case 3 -> f.textNode(randomString(random));
      case 4 -> f.booleanNode(random.nextBoolean());
      case 5 -> {
        ArrayNode a = f.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(randomString(random));
        }
        yield a;
      }
      default -> f.objectNode().put("kind", randomString(random)).put("id", randomString(random));
    };
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(80); i > 0; i--) {
      s.appendCodePoint(random.nextInt(4) == 0 ? 0x4E00 + random.nextInt(500) : 0x20 + random.nextInt(0x5F));
    }
    return s.toString();
  }
}
