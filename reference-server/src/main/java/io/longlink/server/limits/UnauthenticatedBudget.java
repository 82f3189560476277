package io.longlink.server.limits;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The bounds on connections that have no session yet (PROTOCOL.md LL-LIM-10): so many in all,
 * so many from one remote address. Each admitted connection holds one place until it is
 * released, which its owner does exactly once: when the session begins or the connection closes.
 */
public final class UnauthenticatedBudget {

  /** Which bound a refused connection would have exceeded; {@code label} names it in metrics. */
  public enum Bound {
    TOTAL("total", "--max-unauthenticated"),
    PER_ADDRESS("per_address", "--max-unauthenticated-per-address");

    private final String label;
    private final String flag;

    Bound(String label, String flag) {
      this.label = label;
      this.flag = flag;
    }

    public String label() {
      return label;
    }

    public String flag() {
      return flag;
    }
  }

  private final int maxTotal;
  private final int maxPerAddress;
  private final Map<InetAddress, Integer> perAddress = new HashMap<>();
  private int total;

  public UnauthenticatedBudget(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Takes a place for a connection from {@code address}; returns null when admitted, else the bound it would exceed. */
  public synchronized Bound tryAdmit(InetAddress address) {
    if (total >= maxTotal) {
      return Bound.TOTAL;
    }
    int held = perAddress.getOrDefault(address, 0);
    if (held >= maxPerAddress) {
      return Bound.PER_ADDRESS;
    }
    perAddress.put(address, held + 1);
    total++;
    return null;
  }

  /** Gives back the place of an admitted connection from {@code address}. */
  public synchronized void release(InetAddress address) {
    Integer held = perAddress.get(address);
    if (held == null) {
      throw new IllegalStateException("released a place that " + address + " does not hold");
    }
    if (held == 1) {
      perAddress.remove(address);
    } else {
      perAddress.put(address, held - 1);
    }
    total--;
  }

  /** The configured value of a bound, for messages. */
  public int limit(Bound bound) {
    return bound == Bound.TOTAL ? maxTotal : maxPerAddress;
  }

  /** Connections holding a place now. */
  public synchronized int size() {
    return total;
  }
}
