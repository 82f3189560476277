package io.longlink.codec;

import io.longlink.schema.SchemaViolation;
import java.util.List;

/**
 * A message that {@link MessageCodec#encodeValidated(io.longlink.model.ClientMessage)} refused to
 * encode because its JSON breaks the message's schema: nothing was put on the wire. The message
 * names the first violation by its JSON Pointer and the schema keyword it breaks.
 */
public final class InvalidMessageException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final transient List<SchemaViolation> violations;

  InvalidMessageException(String type, List<SchemaViolation> violations) {
    super(describe(type, violations));
    this.type = type;
    this.violations = List.copyOf(violations);
  }

  /**
   * The message's {@code type}.
   *
   * @return e.g. {@code chat}
   */
  public String type() {
    return type;
  }

  /**
   * Every way the message breaks its schema, in the validator's order; never empty.
   *
   * @return the violations
   */
  public List<SchemaViolation> violations() {
    return violations;
  }

  private static String describe(String type, List<SchemaViolation> violations) {
    SchemaViolation first = violations.get(0);
    String pointer = first.pointer().isEmpty() ? "/" : first.pointer();
    String rule = first.keyword() == null ? "" : " breaks \"" + first.keyword() + "\"";
    return "invalid " + type + " message, not encoded: " + pointer + rule + ": " + first.message()
        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
  }
}
