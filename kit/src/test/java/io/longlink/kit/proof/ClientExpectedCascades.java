package io.longlink.kit.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The client side of {@link ExpectedCascades}: when the reference client's driver breaks one
 * rule, the client rules whose scenarios may fail with it, and why. The table is a file
 * ({@value #TABLE}) because scripts/client-violation-proof.sh, the slow proof on the full suite,
 * compares its findings with the same table.
 */
final class ClientExpectedCascades {

  static final String TABLE = "client-cascades.tsv";

  private static final Map<String, ExpectedCascades.Cascade> CASCADES = load();

  private ClientExpectedCascades() {}

  static ExpectedCascades.Cascade of(String ruleId) {
    return CASCADES.getOrDefault(ruleId, new ExpectedCascades.Cascade(Set.of(), "none"));
  }

  /** Every row, by the rule of its switch. */
  static Map<String, ExpectedCascades.Cascade> all() {
    return CASCADES;
  }

  private static Map<String, ExpectedCascades.Cascade> load() {
    Map<String, ExpectedCascades.Cascade> table = new TreeMap<>();
    try (InputStream in = ClientExpectedCascades.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE + " is missing beside " + ClientExpectedCascades.class.getName());
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        if (cells.length != 3 || table.containsKey(cells[0])) {
          throw new IllegalStateException(TABLE + " line " + number + ": expected one line per rule, as RULE<TAB>RULE,RULE"
              + "<TAB>reason; got: " + line);
        }
        Set<String> rules = Arrays.stream(cells[1].split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
        table.put(cells[0], new ExpectedCascades.Cascade(rules, cells[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(table);
  }
}
