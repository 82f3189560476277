package io.longlink.schema;

/**
 * One way a message breaks its schema.
 *
 * @param pointer JSON Pointer (RFC 6901) to the offending member; for a missing member, the
 *     member's would-be location
 * @param message what is wrong, for people
 */
public record SchemaViolation(String pointer, String message) {

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
