package io.longlink.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8174: the key words are normative only in capitals, so the normative documents never use them in lower case. */
class KeywordCaseTest {

  private static final Pattern LOWERCASE_KEYWORD =
      Pattern.compile("\\b(must|shall|should|may|required|recommended|optional)\\b");

  @ParameterizedTest
  @ValueSource(strings = {"PROTOCOL.md", "DRIVER.md"})
  void proseHasNoLowercaseKeywords(String document) {
    List<String> found = new ArrayList<>();
    List<String> prose = ProtocolDocument.load(document).proseLines();
    for (int i = 0; i < prose.size(); i++) {
      String line = prose.get(i).replaceAll("`[^`]*`", "").replaceAll("\"[A-Z ]+\"", "");
      Matcher m = LOWERCASE_KEYWORD.matcher(line);
      while (m.find()) {
        found.add(document + " line " + (i + 1) + ": '" + m.group(1) + "' in: " + prose.get(i).trim());
      }
    }
    assertEquals(List.of(), found, "write the key word in capitals, or reword");
  }
}
