package io.longlink.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A kill takes only a process that is a node of the run, and says why it refuses any other. */
class NodeKillTest {

  private static final List<URI> NODES = List.of(URI.create("ws://127.0.0.1:1/ws"), URI.create("ws://127.0.0.1:2/ws"));

  private static String refused(long pid, List<URI> nodes) {
    return assertThrows(IllegalArgumentException.class, () -> NodeKill.of(pid, nodes)).getMessage();
  }

  @Test
  void initAndProcessGroupsAreRefused() {
    assertTrue(refused(1, NODES).contains("--kill-pid 1: refused, pid 1 is init"), refused(1, NODES));
    assertTrue(refused(0, NODES).contains("is a whole group of processes"), refused(0, NODES));
    assertTrue(refused(-1, NODES).contains("--kill-pid -1: refused"), refused(-1, NODES));
  }

  @Test
  void theGeneratorAndWhatItRunsUnderAreRefused() {
    long self = ProcessHandle.current().pid();
    assertTrue(refused(self, NODES).contains("that is this load generator"), refused(self, NODES));
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    if (parent > 1) {
      assertTrue(refused(parent, NODES).contains("this load generator runs under that process"), refused(parent, NODES));
    }
  }

  @Test
  void aProcessThatIsNotThereIsNamedSo() {
    long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(100_000) + 100_000;
    assertTrue(refused(gone, NODES).contains("no such process on this machine"), refused(gone, NODES));
  }

  @Test
  void aProcessListeningOnNoNodesPortIsRefusedWithWhatItListensOn() throws Exception {
    try (TcpRelay.Started other = TcpRelay.start(9)) {
      String why = refused(other.process().pid(), NODES);
      assertTrue(why.contains("listens on no port of a loopback node of this run (it listens on [" + other.port()
          + "]; the nodes' are [1, 2])"), why);
      // A node reached through a remote URL is not one to kill, even on a port the process listens on.
      URI remote = URI.create("ws://192.0.2.1:" + other.port() + "/ws");
      assertTrue(refused(other.process().pid(), List.of(remote)).contains("listens on no port of a loopback node"));
    }
  }

  @Test
  void aNodesOwnProcessIsTakenAsTheNodesItServesAndKilled() throws Exception {
    try (TcpRelay.Started node = TcpRelay.start(9)) {
      List<URI> nodes = List.of(NODES.get(0), URI.create("ws://127.0.0.1:" + node.port() + "/ws"));
      NodeKill kill = NodeKill.of(node.process().pid(), nodes);
      assertEquals(List.of(1), kill.nodes());
      long goneMs = kill.kill();
      assertTrue(goneMs >= 0 && goneMs < 5_000, "gone after " + goneMs + " ms");
      assertTrue(node.process().waitFor(5, TimeUnit.SECONDS));
      assertEquals(137, node.process().exitValue(), "ended by SIGKILL (128 + 9)");
    }
  }

  @Test
  void theListeningPortsOfAProcessAreReadFromProc() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Set<Integer> ports = ListeningSockets.of(ProcessHandle.current().pid());
      assertTrue(ports.contains(socket.getLocalPort()), ports + " has no " + socket.getLocalPort());
    }
  }

  @Test
  void onlyListeningSocketsOfTheProcessCount() {
    List<String> table = List.of(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
        "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0",
        "   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1 0",
        "   2: 0100007F:1F92 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 111 1 0");
    Set<Integer> ports = new TreeSet<>();
    ListeningSockets.listening(table, Set.of("111"), ports);
    assertEquals(Set.of(8080), ports);
    assertFalse(ports.contains(8082), "an established socket is no listener");
  }
}
