package io.longlink.kit.wire;

import io.longlink.kit.CheckFailure;
import io.longlink.model.AuthOk;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The deadline of the scenario running on this thread, which every wait of a {@link KitSocket}
 * is cut to: each wait has its own timeout, but a scenario of many waits against a server that
 * answers slowly, or with the wrong thing, must still end. It is {@link #BASE} from the
 * scenario's start, and grows to {@link #BASE} plus {@link #TIMEOUTS} times the longest duration
 * a server advertises that scenarios wait on (heartbeat and ack timeouts, auth timeout, rate
 * window) once an {@code auth_ok} gives them, so that a server with long timeouts is not failed
 * for them. Cucumber runs each scenario on one thread, from its first hook to its last.
 */
public final class ScenarioDeadline {

  /** What every scenario gets, besides what the advertised parameters add. */
  public static final Duration BASE = Duration.ofSeconds(30);
  /** How many of the longest advertised timeouts a scenario may wait through, one after another. */
  public static final int TIMEOUTS = 10;

  private static final ThreadLocal<ScenarioDeadline> CURRENT = new ThreadLocal<>();

  private final long startNanos;
  private final Duration base;
  private Duration total;

  private ScenarioDeadline(Duration base) {
    this.startNanos = System.nanoTime();
    this.base = base;
    this.total = base;
  }

  /** Starts the deadline of the scenario beginning on this thread: {@code base} plus 4 times the slack. */
  public static void begin(Duration base, Duration slack) {
    CURRENT.set(new ScenarioDeadline(base.plus(slack.multipliedBy(4))));
  }

  /** Ends it: the scenario's waits are over (its cleanup then waits with its own timeouts only). */
  public static void end() {
    CURRENT.remove();
  }

  /** Lets the scenario wait through the parameters this {@code auth_ok} advertises. */
  public static void advertised(AuthOk ok) {
    ScenarioDeadline d = CURRENT.get();
    if (d == null) {
      return;
    }
    long longest = LongStream.of(ms(ok.heartbeat() == null ? null : ok.heartbeat().timeoutMs()),
        ms(ok.delivery() == null ? null : ok.delivery().ackTimeoutMs()),
        ms(ok.limits() == null ? null : ok.limits().authTimeoutMs()),
        ms(ok.limits() == null ? null : ok.limits().rateWindowMs())).max().orElse(0);
    Duration grown = d.base.plusMillis(Math.multiplyExact(Math.min(longest, Duration.ofHours(1).toMillis()), TIMEOUTS));
    if (grown.compareTo(d.total) > 0) {
      d.total = grown;
    }
  }

  /** What is left of the scenario's deadline, or null outside a scenario. */
  static Duration left() {
    ScenarioDeadline d = CURRENT.get();
    if (d == null) {
      return null;
    }
    return Duration.ofNanos(Math.max(0, d.startNanos + d.total.toNanos() - System.nanoTime()));
  }

  /** A wait's own timeout, cut to what the scenario has left. */
  static Duration cap(Duration within) {
    Duration left = left();
    return left == null || left.compareTo(within) >= 0 ? within : left;
  }

  /**
   * The failure of a wait that the scenario's deadline cut short: it says what the scenario
   * waited for and what it saw, as any wait's failure does.
   */
  static CheckFailure overrun(String waitedFor, Supplier<String> saw) {
    ScenarioDeadline d = CURRENT.get();
    long total = d == null ? 0 : d.total.toMillis();
    return new CheckFailure(waitedFor + " before the scenario's deadline (" + total + " ms from its start: "
        + BASE.toSeconds() + " s, 4 times the timing slack, and " + TIMEOUTS + " times the longest timeout the server "
        + "advertised)", saw.get() + "; the deadline passed first");
  }

  private static long ms(Long value) {
    return value == null ? 0 : Math.max(0, value);
  }
}
