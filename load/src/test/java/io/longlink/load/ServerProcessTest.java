package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --server-pid, once or for each process of a cluster: CPU and memory summed, a pid that is not there named. */
class ServerProcessTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void severalProcessesCountTogether() {
    Duration one = ServerProcess.of(SELF).cpu().orElseThrow();
    ServerProcess twice = ServerProcess.of(List.of(SELF, SELF));
    // CPU time only grows, so the pair read after the one is at least twice it.
    assertTrue(twice.cpu().orElseThrow().compareTo(one.multipliedBy(2)) >= 0, "the pair's CPU is the sum");
    assertEquals(List.of(SELF, SELF), twice.pids());
    assertEquals(SELF, twice.pid());
    long rss = ServerProcess.of(SELF).residentBytes().orElseThrow();
    assertTrue(twice.residentBytes().orElseThrow() >= rss, "resident memory summed too");
  }

  @Test
  void aPidThatIsNotThereIsNamed() {
    long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServerProcess.of(List.of(SELF, gone)));
    assertEquals("--server-pid " + gone + ": no such process on this machine; give the pid of the server under load",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServerProcess.of(List.of()));
  }
}
