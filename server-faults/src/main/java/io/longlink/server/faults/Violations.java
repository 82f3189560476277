package io.longlink.server.faults;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The rules a server instance was told to break; empty for a conforming server. */
public final class Violations {

  private static final Violations NONE = new Violations(EnumSet.noneOf(Violation.class));

  private final Set<Violation> active;

  private Violations(Set<Violation> active) {
    this.active = active;
  }

  public static Violations of(Collection<Violation> violations) {
    return violations.isEmpty() ? NONE : new Violations(EnumSet.copyOf(violations));
  }

  /** Whether the server breaks this rule. */
  public boolean has(Violation violation) {
    return active.contains(violation);
  }

  public boolean isEmpty() {
    return active.isEmpty();
  }

  public Set<Violation> asSet() {
    return EnumSet.copyOf(active.isEmpty() ? EnumSet.noneOf(Violation.class) : active);
  }

  @Override
  public String toString() {
    return active.toString();
  }
}
