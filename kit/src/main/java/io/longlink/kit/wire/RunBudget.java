package io.longlink.kit.wire;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The caps on how much one run may send, so that the kit never floods the server it checks
 * ({@code --max-connections}, {@code --max-messages}).
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
      throw new IllegalStateException("this run has opened its cap of " + b.maxConnections
          + " connections (--max-connections); raise the cap or select fewer rules");
    }
  }

  static void spendMessage() {
    RunBudget b = current;
    if (b.messages.incrementAndGet() > b.maxMessages) {
      throw new IllegalStateException("this run has sent its cap of " + b.maxMessages
          + " messages (--max-messages); raise the cap or select fewer rules");
    }
  }
}
