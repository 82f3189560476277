package io.longlink.client.driver;

import io.longlink.client.driver.fault.Violation;
import java.util.ArrayList;
import java.util.List;

/** The driver's arguments, {@code [--violate LL-XX-n]...}, whether it runs as a process or in the kit's. */
final class DriverArguments {

  private DriverArguments() {}

  /** The switches named; throws {@link IllegalArgumentException} saying what is wrong and what is allowed. */
  static List<Violation> violations(List<String> args) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.equals("--violate")) {
        throw new IllegalArgumentException("unknown argument " + arg + "; the arguments are --violate LL-XX-n "
            + "(repeatable) and --list-violations");
      }
      if (i + 1 == args.size()) {
        throw new IllegalArgumentException("--violate needs a rule ID, e.g. --violate LL-RC-2");
      }
      String rule = args.get(++i);
      violations.add(Violation.of(rule).orElseThrow(() -> new IllegalArgumentException("--violate " + rule
          + ": no switch for that rule; --list-violations prints the rules that have one")));
    }
    return List.copyOf(violations);
  }
}
