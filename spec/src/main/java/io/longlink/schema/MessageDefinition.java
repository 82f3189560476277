package io.longlink.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import java.util.List;

/**
 * One message of the AsyncAPI document: its direction, {@code type}, schema and Java model.
 *
 * @param direction which way it travels
 * @param type the value of its {@code type} member
 * @param name the message's key under {@code components.messages}, e.g. {@code chatDelivery}
 * @param schemaFile the payload schema's file name under {@code schemas/}
 * @param modelClass the generated record
 * @param schema the compiled payload schema
 * @param quick a cheap proof of validity for the frames that are valid, nearly all of them
 */
public record MessageDefinition(
    Direction direction, String type, String name, String schemaFile, Class<?> modelClass, Schema schema,
    QuickCheck quick) {

  /**
   * The ways {@code message} breaks this message's schema; empty when it is valid. The quick check
   * settles a valid message; the validator decides the rest and names what is wrong.
   */
  public List<SchemaViolation> validate(JsonNode message) {
    if (quick.accepts(message)) {
      return List.of();
    }
    return SchemaErrors.toViolations(schema.validate(message));
  }
}
