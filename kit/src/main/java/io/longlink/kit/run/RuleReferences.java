package io.longlink.kit.run;

import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads what people type to name rules: IDs such as {@code LL-HB-3} and areas such as
 * {@code LL-DD} (every rule of that area), comma-separated, checked against PROTOCOL.md.
 */
public final class RuleReferences {

  /** The form of an area: a rule ID without its number. */
  public static final Pattern AREA = Pattern.compile("LL-[A-Z]+");

  private static final String LIST_THEM = "run `longlink rules` to list every rule";

  private RuleReferences() {}

  /** The references of comma-separated lists, trimmed and upper-cased, blanks dropped. */
  public static List<String> split(List<String> lists) {
    List<String> references = new ArrayList<>();
    for (String list : lists) {
      for (String part : list.split(",")) {
        String reference = part.trim().toUpperCase(Locale.ROOT);
        if (!reference.isEmpty()) {
          references.add(reference);
        }
      }
    }
    return references;
  }

  /**
   * The rules each reference names, in the order given.
   *
   * @param parameter the option the references came from, for error messages
   * @throws SelectionException when a reference is malformed or names nothing in PROTOCOL.md
   */
  public static Map<String, List<Rule>> resolve(RuleCatalog catalog, List<String> references, String parameter) {
    Map<String, List<Rule>> resolved = new LinkedHashMap<>();
    for (String reference : references) {
      resolved.put(reference, resolveOne(catalog, reference, parameter));
    }
    return resolved;
  }

  private static List<Rule> resolveOne(RuleCatalog catalog, String reference, String parameter) {
    if (RuleCatalog.ID.matcher(reference).matches()) {
      Rule rule = catalog.find(reference).orElseThrow(() -> new SelectionException(parameter,
          reference + " is not a rule of PROTOCOL.md" + areaHint(catalog, reference) + "; " + LIST_THEM));
      return List.of(rule);
    }
    if (AREA.matcher(reference).matches()) {
      List<Rule> rules = catalog.inArea(reference);
      if (rules.isEmpty()) {
        throw new SelectionException(parameter, reference + " is not an area of PROTOCOL.md; the areas are "
            + String.join(", ", areas(catalog)) + "; " + LIST_THEM);
      }
      return rules;
    }
    throw new SelectionException(parameter, "'" + reference + "' is neither a rule ID (like LL-HB-3) nor an area "
        + "(like LL-HB); give a comma-separated list of them, e.g. --rules LL-HB-3,LL-DD; " + LIST_THEM);
  }

  private static String areaHint(RuleCatalog catalog, String id) {
    String area = id.substring(0, id.lastIndexOf('-'));
    List<Rule> rules = catalog.inArea(area);
    if (rules.isEmpty()) {
      return "";
    }
    return " (the " + area + " rules are " + rules.get(0).id() + " to " + rules.get(rules.size() - 1).id() + ")";
  }

  /** Every area of the catalog, in document order. */
  public static List<String> areas(RuleCatalog catalog) {
    return catalog.all().stream().map(Rule::area).distinct().collect(Collectors.toList());
  }
}
