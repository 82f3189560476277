package io.longlink.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * A proof that a value is valid under a schema, cheap enough for every frame: the JSON Schema
 * validator costs more than parsing and binding the frame together (and allocates half of what
 * a decode does), although nearly every frame is valid. A quick check says yes only where the
 * validator would also say yes, and otherwise "cannot tell"; the validator then has the last word,
 * and its violations name what is wrong. So a quick check may be stricter than the schema (an
 * integer written {@code 1.0}, a string near a length bound counted both ways), never looser.
 *
 * <p>It knows the keywords Longlink's schemas use, with draft-07's meaning; a schema with any
 * other keyword, a {@code $ref} beside anything but annotations, or a pattern beyond plain
 * character classes gets no quick check at all ({@link #NONE}), so that a schema change cannot make
 * it accept what the validator refuses.
 */
@FunctionalInterface
public interface QuickCheck {

  /** The check of a schema it cannot read: never says yes. */
  QuickCheck NONE = value -> false;

  /** Whether {@code value} is valid under the schema; false means "cannot tell", not "invalid". */
  boolean accepts(JsonNode value);

  /**
   * Compiles the check of {@code schema}, a document whose {@code $ref}s name other documents
   * relative to it ({@code defs.json#/definitions/seq}) or points inside it ({@code #/...});
   * {@code documents} reads a document by file name. {@link #NONE} for a schema it cannot read.
   */
  static QuickCheck of(JsonNode schema, String file, Function<String, JsonNode> documents) {
    return QuickCheckCompiler.compile(schema, file, documents);
  }
}
