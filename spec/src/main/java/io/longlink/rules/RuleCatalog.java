package io.longlink.rules;

import io.longlink.schema.MessageCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of PROTOCOL.md, read from its text: a rule is a list item
 * {@code - **[LL-XX-n]** *(side, LEVEL)* **Title.** Text}; its section comes from the summary
 * table. {@link #parse(String)} reports every defect of the document instead of stopping at the
 * first.
 */
public final class RuleCatalog {

  /** The form of a rule ID. */
  public static final Pattern ID = Pattern.compile("LL-[A-Z]+-[0-9]+");

  private static final Pattern RULE_LINE = Pattern.compile(
      "^- \\*\\*\\[(LL-[A-Z]+-[0-9]+)]\\*\\* \\*\\((server|client), (MUST|SHOULD|MAY)(, retired)?\\)\\* \\*\\*(.+?)\\.\\*\\* (.+)$");
  private static final Pattern SUMMARY_ROW = Pattern.compile(
      "^\\| (LL-[A-Z]+-[0-9]+) \\| (MUST|SHOULD|MAY)( \\(retired\\))? \\| (server|client) \\| ([^|]+) \\| ([^|]+) \\|$");
  private static final String SUMMARY_HEADING = "## 21. Rule summary";
  private static final String UNJUDGEABLE_HEADING = "## 22. Rules no wire check can judge";
  private static final Pattern UNJUDGEABLE_ROW = Pattern.compile("^\\| (LL-[A-Z]+-[0-9]+) \\| (.+) \\|$");
  /** A bullet of §22's list of rules judged in part: {@code - [LL-X-1] and [LL-X-2]: what a reviewer checks}. */
  private static final Pattern IN_PART_BULLET = Pattern.compile("^- ((?:\\[LL-[A-Z]+-[0-9]+](?:,| and)? ?)+): (.+)$");

  private final Map<String, Rule> rules;
  private final Map<String, String> unjudgeable;
  private final List<String> defects;

  private RuleCatalog(Map<String, Rule> rules, Map<String, String> unjudgeable, List<String> defects) {
    this.rules = rules;
    this.unjudgeable = unjudgeable;
    this.defects = defects;
  }

  /** The rules of the packaged PROTOCOL.md. */
  public static RuleCatalog load() {
    try (InputStream in = MessageCatalog.resource("PROTOCOL.md")) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the packaged PROTOCOL.md", e);
    }
  }

  /** Reads the rules of a PROTOCOL.md text. */
  public static RuleCatalog parse(String markdown) {
    List<String> defects = new ArrayList<>();
    Map<String, String[]> body = new LinkedHashMap<>();
    Map<String, String[]> summary = new LinkedHashMap<>();
    Map<String, String> unjudgeable = new LinkedHashMap<>();
    Map<String, StringBuilder> inPart = new LinkedHashMap<>();
    List<String> bullet = List.of();
    boolean inSummary = false;
    boolean inUnjudgeable = false;
    String heading = "";
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        inSummary = line.trim().equals(SUMMARY_HEADING);
        inUnjudgeable = line.trim().equals(UNJUDGEABLE_HEADING);
        heading = line.substring(3).replaceFirst("^[0-9]+\\. ", "").trim();
      }
      Matcher unjudged = UNJUDGEABLE_ROW.matcher(line);
      if (inUnjudgeable && unjudged.matches()) {
        unjudgeable.put(unjudged.group(1), unjudged.group(2).trim());
        continue;
      }
      Matcher partly = IN_PART_BULLET.matcher(line);
      if (inUnjudgeable && partly.matches()) {
        Matcher ids = ID.matcher(partly.group(1));
        List<String> named = new ArrayList<>();
        while (ids.find()) {
          named.add(ids.group());
          inPart.put(ids.group(), new StringBuilder(partly.group(2).trim()));
        }
        bullet = named;
        continue;
      }
      if (inUnjudgeable && line.startsWith("  ") && !line.isBlank()) {
        bullet.forEach(id -> inPart.get(id).append(' ').append(line.trim()));
        continue;
      }
      bullet = List.of();
      Matcher rule = RULE_LINE.matcher(line);
      Matcher row = SUMMARY_ROW.matcher(line);
      if (!inSummary && rule.matches()) {
        String[] fields = {rule.group(2), rule.group(3), rule.group(4) == null ? "" : "retired", rule.group(5), rule.group(6), heading};
        if (body.put(rule.group(1), fields) != null) {
          defects.add(rule.group(1) + " is defined twice in the body");
        }
      } else if (inSummary && row.matches()) {
        String[] fields = {row.group(4), row.group(2), row.group(3) == null ? "" : "retired", row.group(6).trim(), row.group(5).trim()};
        if (summary.put(row.group(1), fields) != null) {
          defects.add(row.group(1) + " appears twice in the summary table");
        }
      } else if (!inSummary && line.startsWith("- **[")) {
        defects.add("a rule line does not follow the rule format: " + line);
      }
    }
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Map.Entry<String, String[]> e : body.entrySet()) {
      String id = e.getKey();
      String[] b = e.getValue();
      String[] s = summary.get(id);
      if (s == null) {
        defects.add(id + " is defined in the body but missing from the summary table");
        continue;
      }
      compare(defects, id, "side", b[0], s[0]);
      compare(defects, id, "level", b[1], s[1]);
      compare(defects, id, "retired mark", b[2], s[2]);
      compare(defects, id, "title", b[3], s[3]);
      if (!b[5].startsWith(s[4])) {
        defects.add(id + ": the summary puts it in section '" + s[4] + "' but the body has it under '" + b[5] + "'");
      }
      StringBuilder part = inPart.get(id);
      rules.put(id, new Rule(id, Level.valueOf(b[1]), Side.valueOf(b[0].toUpperCase()), s[4], b[3], b[4], !b[2].isEmpty(),
          part == null ? "" : part.toString(), unjudgeable.getOrDefault(id, "")));
    }
    for (String id : summary.keySet()) {
      if (!body.containsKey(id)) {
        defects.add(id + " is in the summary table but not defined in the body");
      }
    }
    for (String id : unjudgeable.keySet()) {
      if (!rules.containsKey(id)) {
        defects.add(id + " is listed as not judgeable on the wire but not defined in the body");
      }
    }
    for (String id : inPart.keySet()) {
      if (!rules.containsKey(id)) {
        defects.add(id + " is listed as judged on the wire in part but not defined in the body");
      } else if (unjudgeable.containsKey(id)) {
        defects.add(id + " is listed both as not judgeable on the wire and as judged in part");
      }
    }
    return new RuleCatalog(rules, Map.copyOf(unjudgeable), List.copyOf(defects));
  }

  private static void compare(List<String> defects, String id, String what, String body, String summary) {
    if (!body.equals(summary)) {
      defects.add(id + ": the body says " + what + " '" + body + "' but the summary table says '" + summary + "'");
    }
  }

  /** Every rule, in document order. */
  public List<Rule> all() {
    return List.copyOf(rules.values());
  }

  /** The rule with this ID. */
  public Optional<Rule> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** The rules that bind one side, in document order. */
  public List<Rule> forSide(Side side) {
    return rules.values().stream().filter(r -> r.side() == side).collect(Collectors.toList());
  }

  /** The rules of one area (e.g. {@code LL-HB}), in ID order. */
  public List<Rule> inArea(String area) {
    return rules.values().stream().filter(r -> r.area().equals(area))
        .sorted(Comparator.comparingInt(Rule::number)).collect(Collectors.toList());
  }

  /** The rules no wire check can judge (PROTOCOL.md §22), with the reason. */
  public Optional<String> whyNotJudgeable(String id) {
    return Optional.ofNullable(unjudgeable.get(id));
  }

  /** Every inconsistency of the document: duplicates, summary mismatches, malformed rule lines. */
  public List<String> defects() {
    return defects;
  }
}
