package io.longlink.rules;

/** The strongest RFC 2119 key word of a rule. */
public enum Level {
  MUST,
  SHOULD,
  MAY
}
