package io.longlink.server.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What the heap holds, for the gauges that show the byte bounds at work. The heap after a
 * collection is taken from each collection's own report, young ones included: the pools'
 * "collection usage" is updated only by the collections that manage them, so with G1 the old
 * generation's would stay at its last mixed or full collection.
 */
final class Heap {

  private static final AtomicLong AFTER_LAST_GC = new AtomicLong();
  private static final Set<String> HEAP_POOLS = new HashSet<>();

  static {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        HEAP_POOLS.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
              if (HEAP_POOLS.contains(e.getKey())) {
                used += e.getValue().getUsed();
              }
            }
            AFTER_LAST_GC.set(used);
          }
        }, null, null);
      }
    }
  }

  private Heap() {}

  static long used() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  /** The heap in use right after the last collection (0 before the first): live data, without the garbage {@link #used()} counts. */
  static long usedAfterLastGc() {
    return AFTER_LAST_GC.get();
  }
}
