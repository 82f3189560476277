package io.longlink.kit.wire;

import io.longlink.kit.NotApplicable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The caps on how much one run may send, so that the kit never floods the server it checks
 * ({@code --max-connections}, {@code --max-messages}): every connection and every frame the kit
 * opens or sends is counted, and once a cap is spent the scenario that needed more stops, its
 * rule reported skipped with the cap as the reason: the server was not tested, not found wrong.
 */
public final class RunBudget {

  private static volatile RunBudget current = new RunBudget(Integer.MAX_VALUE, Integer.MAX_VALUE);

  private final int maxConnections;
  private final int maxMessages;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger messages = new AtomicInteger();

  private RunBudget(int maxConnections, int maxMessages) {
    this.maxConnections = maxConnections;
    this.maxMessages = maxMessages;
  }

  /** Starts counting afresh for a run with these caps. */
  public static void reset(int maxConnections, int maxMessages) {
    current = new RunBudget(maxConnections, maxMessages);
  }

  static void spendConnection() {
    RunBudget b = current;
    if (b.connections.incrementAndGet() > b.maxConnections) {
      throw new CapReached("not checked: the run has opened its cap of " + b.maxConnections
          + " connections (--max-connections " + b.maxConnections + "); raise the cap or select fewer rules");
    }
  }

  static void spendMessage() {
    RunBudget b = current;
    if (b.messages.incrementAndGet() > b.maxMessages) {
      throw new CapReached("not checked: the run has sent its cap of " + b.maxMessages
          + " messages (--max-messages " + b.maxMessages + "); raise the cap or select fewer rules");
    }
  }

  /** A cap of the run is spent: the scenario cannot go on, and nothing is known of its rule. */
  public static final class CapReached extends NotApplicable {
    private static final long serialVersionUID = 1L;

    CapReached(String reason) {
      super(reason);
    }
  }
}
