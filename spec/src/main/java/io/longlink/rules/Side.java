package io.longlink.rules;

/** The party a rule binds. */
public enum Side {
  SERVER,
  CLIENT
}
