package io.longlink.rules;

import java.util.Optional;

/**
 * One normative statement of PROTOCOL.md.
 *
 * @param id the stable ID, e.g. {@code LL-HB-3}
 * @param level MUST, SHOULD or MAY
 * @param side the party it binds
 * @param section the section's short name from the summary table, e.g. {@code Heartbeat}
 * @param title the rule's title, e.g. {@code Close silent clients: 4000}
 * @param text the full normative sentence(s)
 * @param retired whether the rule was withdrawn (its ID stays reserved)
 * @param inPart what of the rule no wire check judges (PROTOCOL.md §22, "judged on the wire only
 *     in part"), or empty when a check can judge all of it
 * @param unjudgeable why no wire check can judge the rule at all (PROTOCOL.md §22's table), or empty
 */
public record Rule(String id, Level level, Side side, String section, String title, String text, boolean retired,
    String inPart, String unjudgeable) {

  public Rule {
    inPart = inPart == null ? "" : inPart;
    unjudgeable = unjudgeable == null ? "" : unjudgeable;
  }

  /** A rule a wire check can judge whole. */
  public Rule(String id, Level level, Side side, String section, String title, String text, boolean retired) {
    this(id, level, side, section, title, text, retired, "", "");
  }

  /** Why no wire check can judge this rule, when PROTOCOL.md §22 says none can. */
  public Optional<String> whyNotJudgeable() {
    return unjudgeable.isEmpty() ? Optional.empty() : Optional.of(unjudgeable);
  }

  /** What a reviewer checks of this rule because no wire check can, when a check judges only part of it. */
  public Optional<String> checkedInPart() {
    return inPart.isEmpty() ? Optional.empty() : Optional.of(inPart);
  }

  /** The area of the ID: {@code LL-HB} for {@code LL-HB-3}; the kit selects sections by it. */
  public String area() {
    return id.substring(0, id.lastIndexOf('-'));
  }

  /** The number of the ID: 3 for {@code LL-HB-3}. */
  public int number() {
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }
}
