package io.longlink.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetUrlTest {

  @Test
  void loopbackHostsNeedNoTls() {
    for (String url : new String[] {"ws://localhost:8080/ws", "ws://127.0.0.1/ws", "ws://127.9.9.9/ws", "ws://[::1]:8080/ws",
        "ws://api.localhost/ws", "wss://chat.example.com/ws"}) {
      assertEquals(Optional.empty(), TargetUrl.parse(url).cleartextWarning(), url);
    }
  }

  @Test
  void cleartextToAnotherHostIsWarnedAboutWithTheRule() {
    for (String url : new String[] {"ws://chat.example.com/ws", "ws://10.0.0.7:8080/ws", "ws://127.example.com/ws"}) {
      String warning = TargetUrl.parse(url).cleartextWarning().orElseThrow(() -> new AssertionError(url));
      assertTrue(warning.contains("LL-SEC-1") && warning.contains("wss://") && warning.contains(url), warning);
    }
  }
}
