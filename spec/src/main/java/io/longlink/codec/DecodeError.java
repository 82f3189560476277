package io.longlink.codec;

import io.longlink.schema.SchemaViolation;
import java.util.List;
import java.util.Optional;

/**
 * Why a frame could not be decoded into a message, precisely enough to answer it as PROTOCOL.md
 * §15 says: {@link Kind#NOT_JSON}, {@link Kind#TOO_DEEP}, {@link Kind#NUMBER_TOO_LONG},
 * {@link Kind#NOT_AN_OBJECT} and {@link Kind#MISSING_TYPE} are unreadable frames (close 4008),
 * {@link Kind#UNKNOWN_TYPE} and {@link Kind#SCHEMA_VIOLATION}
 * are readable messages the receiver cannot act on (an error naming {@link #ref()}).
 *
 * @param kind the category
 * @param type the frame's {@code type}, when it had a string one
 * @param ref the frame's {@code id}, when it had a valid message id
 * @param violations for {@link Kind#SCHEMA_VIOLATION}: every way the message breaks its schema
 * @param detail what is wrong, for people
 */
public record DecodeError(Kind kind, String type, String ref, List<SchemaViolation> violations, String detail) {

  /** The categories of undecodable input. */
  public enum Kind {
    /** Not a JSON text (or several, or one with duplicate members, or a member name that is not Unicode text). */
    NOT_JSON,
    /** Objects and arrays nested deeper than the reading bound (LL-ERR-8). */
    TOO_DEEP,
    /** A number literal longer than the reading bound (LL-ERR-8). */
    NUMBER_TOO_LONG,
    /** Valid JSON, but not an object. */
    NOT_AN_OBJECT,
    /** An object without a string {@code type} member. */
    MISSING_TYPE,
    /** A {@code type} this direction has no message for. */
    UNKNOWN_TYPE,
    /** A known {@code type} whose schema the message breaks, or a string that is not Unicode text (LL-ERR-9). */
    SCHEMA_VIOLATION
  }

  public DecodeError {
    violations = List.copyOf(violations);
  }

  /** Whether the frame cannot be read as a message at all (PROTOCOL.md LL-ERR-3). */
  public boolean unreadable() {
    return kind == Kind.NOT_JSON || kind == Kind.TOO_DEEP || kind == Kind.NUMBER_TOO_LONG
        || kind == Kind.NOT_AN_OBJECT || kind == Kind.MISSING_TYPE;
  }

  /** For a schema violation: the pointer of the first offending member. */
  public Optional<String> pointer() {
    return violations.isEmpty() ? Optional.empty() : Optional.of(violations.get(0).pointer());
  }

  static DecodeError unreadable(Kind kind, String detail) {
    return new DecodeError(kind, null, null, List.of(), detail);
  }

  @Override
  public String toString() {
    return kind + ": " + detail;
  }
}
