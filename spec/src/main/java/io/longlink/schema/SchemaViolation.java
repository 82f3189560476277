package io.longlink.schema;

/**
 * One way a message breaks its schema.
 *
 * @param pointer JSON Pointer (RFC 6901) to the offending member; for a missing member, the
 *     member's would-be location
 * @param keyword the JSON Schema keyword the member breaks, e.g. {@code required} or
 *     {@code maxLength}; null when the violation is not a schema keyword's (a string that is not
 *     Unicode text, LL-ERR-9)
 * @param message what is wrong, for people
 */
public record SchemaViolation(String pointer, String keyword, String message) {

  /**
   * A violation of no particular schema keyword.
   *
   * @param pointer JSON Pointer to the offending member
   * @param message what is wrong, for people
   */
  public SchemaViolation(String pointer, String message) {
    this(pointer, null, message);
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
