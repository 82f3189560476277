package io.longlink.kit.client.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.codec.MessageCodec;

/**
 * Members no schema defines, added to a server message as a later protocol version might add
 * them (LL-MSG-3): at the top level an object, an array and a null, which a strict reader chokes
 * on, and one plain member in every nested object ({@code heartbeat}, {@code to}...). They go
 * after the existing members, so a message still begins with its {@code type}.
 */
final class UnknownMembers {

  /** The prefix of every added member: no Longlink schema defines a name that begins with it. */
  static final String PREFIX = "x_kit_";

  private static final ObjectMapper MAPPER = MessageCodec.newMapper();

  private UnknownMembers() {}

  static String addTo(String message) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(message);
      root.fields().forEachRemaining(member -> {
        if (member.getValue().isObject()) {
          ((ObjectNode) member.getValue()).put(PREFIX + "nested", 7);
        }
      });
      ObjectNode future = root.putObject(PREFIX + "future");
      future.put("version", "1.9").putArray("list").add(1).add("two").addNull();
      root.putArray(PREFIX + "tags").add("a").addObject().put("b", false);
      root.putNull(PREFIX + "nothing");
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("the harness could not add unknown members to its own message " + message, e);
    }
  }
}
