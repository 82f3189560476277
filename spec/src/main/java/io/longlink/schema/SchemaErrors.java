package io.longlink.schema;

import com.networknt.schema.Error;
import java.util.List;
import java.util.stream.Collectors;

/** Turns the validator's errors into violations whose pointer names the offending member. */
final class SchemaErrors {

  private SchemaErrors() {}

  static List<SchemaViolation> toViolations(List<Error> errors) {
    return errors.stream().map(SchemaErrors::toViolation).collect(Collectors.toList());
  }

  private static SchemaViolation toViolation(Error error) {
    String location = error.getInstanceLocation().toString();
    // A "required" error is reported at the parent object; point at the member that is missing.
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      location = location + "/" + escape(error.getProperty());
    }
    return new SchemaViolation(location, error.getKeyword(), error.getMessage());
  }

  private static String escape(String member) {
    return member.replace("~", "~0").replace("/", "~1");
  }
}
