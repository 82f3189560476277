package io.longlink.kit.run;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import io.longlink.rules.Level;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.rules.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rules a run checks, from the side checked ({@code check server} or {@code check client}),
 * {@code --rules}, {@code --tags} and {@code --strict}: by default every MUST rule of the side; {@code --strict} adds the SHOULD rules; {@code --rules} narrows to
 * some IDs and areas; {@code --tags} further narrows the scenarios with a Cucumber tag expression.
 *
 * <p>An area brings its rules of the selected levels; a rule named by its ID is selected whatever
 * its level, since naming it says the person wants it checked. Rules of the other side cannot be
 * selected: a server check plays clients and can judge only servers, and the other way round.
 */
public final class RuleSelection {

  private final Side side;
  private final boolean strict;
  private final List<String> references;
  private final String userTags;
  private final List<Rule> rules;
  private final Set<String> ids;
  private final Expression filter;

  private RuleSelection(Side side, boolean strict, List<String> references, String userTags, List<Rule> rules) {
    this.side = side;
    this.strict = strict;
    this.references = List.copyOf(references);
    this.userTags = userTags;
    this.rules = List.copyOf(rules);
    this.ids = rules.stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
    this.filter = TagExpressionParser.parse(tagExpression());
  }

  /** Every MUST rule of the server. */
  public static RuleSelection defaults(RuleCatalog catalog) {
    return defaults(catalog, Side.SERVER);
  }

  /** Every MUST rule of one side. */
  public static RuleSelection defaults(RuleCatalog catalog, Side side) {
    return of(catalog, side, List.of(), null, false);
  }

  /** A selection of server rules; see {@link #of(RuleCatalog, Side, List, String, boolean)}. */
  public static RuleSelection of(RuleCatalog catalog, List<String> rules, String tags, boolean strict) {
    return of(catalog, Side.SERVER, rules, tags, strict);
  }

  /**
   * @param side the side whose rules are checked
   * @param rules the values of {@code --rules}: rule IDs and areas, each possibly a comma list; empty for all
   * @param tags the value of {@code --tags}, a Cucumber tag expression, or null
   * @param strict whether SHOULD rules are checked too
   * @throws SelectionException naming the option whose value cannot be used
   */
  public static RuleSelection of(RuleCatalog catalog, Side side, List<String> rules, String tags, boolean strict) {
    Set<Level> levels = strict ? EnumSet.of(Level.MUST, Level.SHOULD) : EnumSet.of(Level.MUST);
    String userTags = tags == null || tags.isBlank() ? null : tags.trim();
    if (userTags != null) {
      checkTags(userTags);
    }
    List<String> references = RuleReferences.split(rules);
    Set<Rule> selected = new LinkedHashSet<>();
    if (references.isEmpty()) {
      catalog.forSide(side).stream().filter(r -> !r.retired() && levels.contains(r.level())).forEach(selected::add);
    }
    for (Map.Entry<String, List<Rule>> e : RuleReferences.resolve(catalog, references, "--rules").entrySet()) {
      selected.addAll(narrow(e.getKey(), e.getValue(), side, levels, strict));
    }
    if (selected.isEmpty()) {
      throw new SelectionException("--rules", "PROTOCOL.md has no " + side.name().toLowerCase(Locale.ROOT)
          + " rule of the levels " + levels + " to check");
    }
    List<Rule> inDocumentOrder = catalog.all().stream().filter(selected::contains).collect(Collectors.toList());
    return new RuleSelection(side, strict, references, userTags, inDocumentOrder);
  }

  private static List<Rule> narrow(String reference, List<Rule> rules, Side side, Set<Level> levels, boolean strict) {
    String sideName = side.name().toLowerCase(Locale.ROOT);
    String listSide = "list them with `longlink rules --side " + sideName + "`";
    if (rules.size() == 1 && rules.get(0).id().equals(reference)) {
      Rule rule = rules.get(0);
      if (rule.side() != side) {
        throw new SelectionException("--rules", rule.id() + " binds the " + rule.side().name().toLowerCase(Locale.ROOT)
            + "; `longlink check " + sideName + "` checks " + sideName + " rules only; " + listSide);
      }
      if (rule.retired()) {
        throw new SelectionException("--rules", rule.id() + " is retired and nothing checks it any more; " + listSide);
      }
      return rules;
    }
    List<Rule> ofSide = rules.stream().filter(r -> r.side() == side && !r.retired()).collect(Collectors.toList());
    if (ofSide.isEmpty()) {
      throw new SelectionException("--rules", reference + " has no " + sideName + " rules (they all bind the other side); "
          + listSide);
    }
    List<Rule> ofLevel = ofSide.stream().filter(r -> levels.contains(r.level())).collect(Collectors.toList());
    if (ofLevel.isEmpty()) {
      throw new SelectionException("--rules", reference + " has no MUST " + sideName + " rules"
          + (strict ? "" : "; add --strict to check its SHOULD rules"));
    }
    return ofLevel;
  }

  private static void checkTags(String tags) {
    try {
      TagExpressionParser.parse(tags);
    } catch (TagExpressionException e) {
      throw new SelectionException("--tags", "'" + tags + "' is not a Cucumber tag expression (" + e.getMessage()
          + "); write tags with @ and combine them with and, or, not and parentheses, e.g. --tags '@LL-HB-3 or not @slow'");
    }
  }

  /** The side whose rules are checked. */
  public Side side() {
    return side;
  }

  /** Whether SHOULD rules are checked too. */
  public boolean strict() {
    return strict;
  }

  /** The IDs and areas given with {@code --rules}, normalised; empty when all rules were wanted. */
  public List<String> references() {
    return references;
  }

  /** The tag expression given with {@code --tags}. */
  public Optional<String> userTags() {
    return Optional.ofNullable(userTags);
  }

  /** The selected rules, in document order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether the rule with this ID is selected. */
  public boolean includes(String ruleId) {
    return ids.contains(ruleId);
  }

  /**
   * The Cucumber tag expression a scenario's tags must satisfy to run: the side, one of the
   * selected rule IDs, and the user's tags.
   */
  public String tagExpression() {
    StringBuilder expression = new StringBuilder("@").append(side.name().toLowerCase(Locale.ROOT));
    List<String> tags = new ArrayList<>();
    ids.forEach(id -> tags.add("@" + id));
    expression.append(" and (").append(String.join(" or ", tags)).append(')');
    if (userTags != null) {
      expression.append(" and (").append(userTags).append(')');
    }
    return expression.toString();
  }

  /** Whether a scenario with these Gherkin tags ({@code @LL-HB-3}, {@code @must}) runs. */
  public boolean matches(Collection<String> gherkinTags) {
    return filter.evaluate(List.copyOf(gherkinTags));
  }

  /** For people: "MUST server rules in LL-HB, LL-DD-1, scenarios matching @fast (9 rules)". */
  public String describe() {
    String levels = rules.stream().map(Rule::level).distinct().sorted().map(Level::name).collect(Collectors.joining(" and "));
    StringBuilder text = new StringBuilder(levels).append(' ').append(side.name().toLowerCase(Locale.ROOT)).append(" rules");
    if (!references.isEmpty()) {
      text.append(" in ").append(String.join(", ", references));
    }
    if (userTags != null) {
      text.append(", scenarios matching ").append(userTags);
    }
    return text.append(" (").append(rules.size()).append(rules.size() == 1 ? " rule)" : " rules)").toString();
  }
}
