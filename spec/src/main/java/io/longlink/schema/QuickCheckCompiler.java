package io.longlink.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a schema into a {@link QuickCheck}: the keywords Longlink's schemas use, with draft-07's meaning. */
final class QuickCheckCompiler {

  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
      "examples", "default", "definitions");
  /** Anchored sequences of character classes or literals, each with an optional {m,n}: read the same by every regex dialect. */
  private static final Pattern PLAIN_PATTERN =
      Pattern.compile("\\^(?:(?:\\[[A-Za-z0-9!-~&&[^\\\\\\[\\]^]]+\\]|[A-Za-z0-9_])(?:\\{\\d{1,4}(?:,\\d{1,4})?\\})?)+\\$");
  private static final Pattern ONE_CLASS = Pattern.compile("\\^\\[([^\\]]+)\\]\\{(\\d+)(?:,(\\d+))?\\}\\$");
  private static final int MOST_REF_DEPTH = 16;

  /** A schema the quick check does not read; the validator alone decides for it. */
  private static final class Unreadable extends Exception {
    Unreadable(String why) {
      super(why, null, false, false);
    }
  }

  private final Function<String, JsonNode> documents;

  private QuickCheckCompiler(Function<String, JsonNode> documents) {
    this.documents = documents;
  }

  static QuickCheck compile(JsonNode schema, String file, Function<String, JsonNode> documents) {
    try {
      return new QuickCheckCompiler(documents).compile(schema, file, 0);
    } catch (Unreadable e) {
      return QuickCheck.NONE;
    }
  }

  private QuickCheck compile(JsonNode schema, String file, int depth) throws Unreadable {
    if (depth > MOST_REF_DEPTH || !schema.isObject()) {
      throw new Unreadable("not a schema object, or $refs too deep");
    }
    if (schema.has("$ref")) {
      Iterator<String> names = schema.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("$ref") && !ANNOTATIONS.contains(name)) {
          throw new Unreadable("$ref beside " + name);
        }
      }
      return ref(schema.get("$ref").asText(), file, depth);
    }
    List<QuickCheck> checks = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "type" -> checks.add(type(v));
        case "const" -> checks.add(value -> value.equals(v));
        case "enum" -> checks.add(oneOf(v));
        case "minimum" -> checks.add(bound(v, true));
        case "maximum" -> checks.add(bound(v, false));
        case "minLength" -> checks.add(length(v, true));
        case "maxLength" -> checks.add(length(v, false));
        case "pattern" -> checks.add(pattern(v));
        case "format" -> checks.add(format(v));
        case "required" -> checks.add(required(v));
        case "properties" -> checks.add(properties(v, file, depth));
        default -> {
          if (!ANNOTATIONS.contains(f.getKey())) {
            throw new Unreadable("keyword " + f.getKey());
          }
        }
      }
    }
    QuickCheck[] all = checks.toArray(QuickCheck[]::new);
    return value -> {
      for (QuickCheck c : all) {
        if (!c.accepts(value)) {
          return false;
        }
      }
      return true;
    };
  }

  private QuickCheck ref(String ref, String file, int depth) throws Unreadable {
    int hash = ref.indexOf('#');
    String target = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (target.contains("/") || target.contains(":")) {
      throw new Unreadable("a $ref outside the schema folder: " + ref);
    }
    String targetFile = target.isEmpty() ? file : target;
    JsonNode document = documents.apply(targetFile);
    JsonNode node = document == null ? null : document.at(pointer);
    if (node == null || node.isMissingNode()) {
      throw new Unreadable("a $ref that leads nowhere: " + ref);
    }
    return compile(node, targetFile, depth + 1);
  }

  private static QuickCheck type(JsonNode v) throws Unreadable {
    List<QuickCheck> any = new ArrayList<>();
    for (JsonNode t : v.isArray() ? v : List.of(v)) {
      any.add(switch (t.asText()) {
        case "object" -> JsonNode::isObject;
        case "string" -> JsonNode::isTextual;
        // Integral tokens only: a validator may or may not take 1.0 for an integer; the quick check cannot tell.
        case "integer" -> JsonNode::isIntegralNumber;
        case "number" -> JsonNode::isNumber;
        case "boolean" -> JsonNode::isBoolean;
        case "null" -> JsonNode::isNull;
        case "array" -> JsonNode::isArray;
        default -> throw new Unreadable("type " + t);
      });
    }
    QuickCheck[] options = any.toArray(QuickCheck[]::new);
    return value -> {
      for (QuickCheck o : options) {
        if (o.accepts(value)) {
          return true;
        }
      }
      return false;
    };
  }

  private static QuickCheck oneOf(JsonNode v) throws Unreadable {
    if (!v.isArray()) {
      throw new Unreadable("enum not an array");
    }
    List<JsonNode> allowed = new ArrayList<>();
    v.forEach(allowed::add);
    return value -> allowed.contains(value);
  }

  /** Exact, on the token's own decimal value: never looser than a validator that compares doubles. */
  private static QuickCheck bound(JsonNode v, boolean lower) throws Unreadable {
    if (!v.isNumber()) {
      throw new Unreadable("bound not a number");
    }
    BigDecimal limit = v.decimalValue();
    boolean longLimit = v.isIntegralNumber() && v.canConvertToLong();
    long limitLong = v.asLong();
    return value -> {
      if (!value.isNumber()) {
        return true;
      }
      int c = longLimit && value.isIntegralNumber() && value.canConvertToLong()
          ? Long.compare(value.asLong(), limitLong) : value.decimalValue().compareTo(limit);
      return lower ? c >= 0 : c <= 0;
    };
  }

  /**
   * JSON Schema counts characters (code points); a validator might count UTF-16 units. The
   * quick check says yes only when both counts are inside the bound.
   */
  private static QuickCheck length(JsonNode v, boolean lower) throws Unreadable {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new Unreadable("length not an int");
    }
    int limit = v.asInt();
    return value -> {
      if (!value.isTextual()) {
        return true;
      }
      String s = value.textValue();
      return lower ? s.codePointCount(0, s.length()) >= limit : s.length() <= limit;
    };
  }

  /**
   * Plain patterns only, and no line terminator in the string: there {@code $} means the same
   * in Java's dialect and ECMAScript's (Java's also matches before a final line break).
   */
  private static QuickCheck pattern(JsonNode v) throws Unreadable {
    if (!v.isTextual() || !PLAIN_PATTERN.matcher(v.textValue()).matches()) {
      throw new Unreadable("pattern " + v);
    }
    Matcher oneClass = ONE_CLASS.matcher(v.textValue());
    if (oneClass.matches()) {
      return oneClass(oneClass.group(1), Integer.parseInt(oneClass.group(2)),
          oneClass.group(3) == null ? Integer.parseInt(oneClass.group(2)) : Integer.parseInt(oneClass.group(3)));
    }
    Pattern p = Pattern.compile(v.textValue());
    return value -> {
      if (!value.isTextual()) {
        return true;
      }
      String s = value.textValue();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
          return false;
        }
      }
      return p.matcher(s).find();
    };
  }

  /**
   * {@code ^[class]{min,max}$}, the shape of every id pattern: a table of the class's ASCII
   * characters and a length, no matcher per string. Characters outside ASCII are outside such a class.
   */
  private static QuickCheck oneClass(String members, int min, int max) {
    boolean[] allowed = new boolean[128];
    for (int i = 0; i < members.length(); i++) {
      char from = members.charAt(i);
      char to = from;
      if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
        to = members.charAt(i + 2);
        i += 2;
      }
      for (char c = from; c <= to; c++) {
        allowed[c] = true;
      }
    }
    return value -> {
      if (!value.isTextual()) {
        return true;
      }
      String s = value.textValue();
      if (s.length() < min || s.length() > max) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c >= 128 || !allowed[c]) {
          return false;
        }
      }
      return true;
    };
  }

  private static QuickCheck format(JsonNode v) throws Unreadable {
    if (!"int64".equals(v.asText())) {
      throw new Unreadable("format " + v);
    }
    return value -> !value.isNumber() || value.isIntegralNumber() && value.canConvertToLong();
  }

  private static QuickCheck required(JsonNode v) throws Unreadable {
    if (!v.isArray()) {
      throw new Unreadable("required not an array");
    }
    List<String> names = new ArrayList<>();
    v.forEach(n -> names.add(n.asText()));
    String[] all = names.toArray(String[]::new);
    return value -> {
      if (!value.isObject()) {
        return true;
      }
      for (String n : all) {
        if (!value.has(n)) {
          return false;
        }
      }
      return true;
    };
  }

  private QuickCheck properties(JsonNode v, String file, int depth) throws Unreadable {
    if (!v.isObject()) {
      throw new Unreadable("properties not an object");
    }
    List<String> names = new ArrayList<>();
    List<QuickCheck> checks = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      names.add(f.getKey());
      checks.add(compile(f.getValue(), file, depth));
    }
    String[] n = names.toArray(String[]::new);
    QuickCheck[] c = checks.toArray(QuickCheck[]::new);
    return value -> {
      if (!value.isObject()) {
        return true;
      }
      for (int i = 0; i < n.length; i++) {
        JsonNode member = value.get(n[i]);
        if (member != null && !c[i].accepts(member)) {
          return false;
        }
      }
      return true;
    };
  }
}
