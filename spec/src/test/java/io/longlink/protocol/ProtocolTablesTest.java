package io.longlink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.spec.ProtocolDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java mirrors of the close-code, error-code and parameter tables say what PROTOCOL.md says. */
class ProtocolTablesTest {

  private final ProtocolDocument doc = ProtocolDocument.load();

  @Test
  void closeCodesMirrorTheTable() {
    List<List<String>> rows = doc.table("## 16. Close codes");
    assertEquals(CloseCode.values().length, rows.size(), "rows of the close-code table");
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      CloseCode code = CloseCode.values()[i];
      assertEquals(row.get(0), Integer.toString(code.code()), "code of row " + (i + 1));
      assertEquals(row.get(1), code.wireName(), "name of " + code);
      assertEquals(reconnect(row.get(4)), code.reconnect(), "reconnect of " + code + ": " + row.get(4));
    }
  }

  private static Reconnect reconnect(String cell) {
    if (cell.startsWith("no")) {
      return Reconnect.NO;
    }
    return cell.contains("retry_after_ms") ? Reconnect.AFTER_HINT : Reconnect.YES;
  }

  @Test
  void errorCodesMirrorTheTable() {
    List<List<String>> rows = doc.table("## 17. Error codes");
    assertEquals(ErrorCode.values().length, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      ErrorCode code = ErrorCode.values()[i];
      assertEquals(rows.get(i).get(0), "`" + code.wireValue() + "`");
      assertEquals(rows.get(i).get(3).contains("retry_after_ms"), code.carriesRetryAfter(), code.wireValue());
    }
  }

  @Test
  void sessionParametersMirrorTheTable() {
    List<List<String>> rows = doc.table("## 6. Session parameters");
    assertEquals(SessionParameter.values().length, rows.size());
    for (List<String> row : rows) {
      String path = row.get(0).replace("`", "");
      SessionParameter p = SessionParameter.byPath(path).orElseThrow(() -> new AssertionError("no parameter " + path));
      assertEquals(Double.parseDouble(row.get(1)), p.defaultValue(), path + " default");
      String[] range = row.get(2).replace(" ", "").split("-(?=[0-9`m])");
      String max = range[range.length - 1];
      assertEquals(Double.parseDouble(max.replaceAll("[^0-9.]", "")), p.max(), path + " max");
      if (range[0].matches("[0-9.]+")) {
        assertEquals(Double.parseDouble(range[0]), p.min(), path + " min");
      }
    }
  }

  @Test
  void describeNamesTheCode() {
    assertEquals("4000 heartbeat_timeout", CloseCode.describe(4000));
    assertTrue(CloseCode.describe(4999).contains("not a Longlink close code"));
  }
}
