package io.longlink.server.faults.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.longlink.server.connection.ConnectionInterceptor;
import io.longlink.server.connection.Inbound;
import io.longlink.server.connection.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chain as the reference server's connection interceptor: between the transport and the
 * connection both ways, and honest with the connection's byte count: each message's done runs
 * exactly once, whether a filter sent it once, twice or not at all.
 */
class InterceptorChainsTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<String> wire = new ArrayList<>();
  private final List<String> connection = new ArrayList<>();
  private int done;

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private final Wire realWire = new Wire() {
    @Override
    public boolean offeredSubprotocol() {
      return false;
    }

    @Override
    public String query() {
      return "q";
    }

    @Override
    public String remoteAddress() {
      return "test";
    }

    @Override
    public void sendText(String text, Runnable whenDone) {
      wire.add(text);
      whenDone.run();
    }

    @Override
    public void sendBinary(byte[] data) {
      wire.add("<binary>");
    }

    @Override
    public void sessionStarted() {}

    @Override
    public void close(int code, String reason) {
      wire.add("<close " + code + ">");
    }

    @Override
    public void abort() {}
  };

  private final Inbound realConnection = new Inbound() {
    @Override
    public void onOpen() {
      connection.add("open");
    }

    @Override
    public void onText(String text) {
      connection.add(text);
    }

    @Override
    public void onInvalidText(byte[] bytes) {
      connection.add("<invalid>");
    }

    @Override
    public void onBinary() {
      connection.add("<binary>");
    }

    @Override
    public void onOtherFrame() {
      connection.add("<frame>");
    }

    @Override
    public void onClosed(int code, String reason) {
      connection.add("<closed " + code + ">");
    }
  };

  private Wire[] intercept(FrameFilter filter) {
    Supplier<FrameFilter> each = () -> filter;
    ConnectionInterceptor interceptor = new InterceptorChains(List.of(each), new Peers(), scheduler, System::currentTimeMillis)
        .open();
    Wire filtered = interceptor.wire(realWire);
    Inbound inbound = interceptor.inbound(realConnection);
    inbound.onOpen();
    inbound.onText("from client");
    inbound.onOtherFrame();
    inbound.onClosed(1000, "bye");
    return new Wire[] {filtered};
  }

  @Test
  void messagesCrossBothWaysAndTheConnectionHearsOfEverything() {
    Wire filtered = intercept(new FrameFilter() { })[0];
    filtered.sendText("from server", () -> done++);
    filtered.close(4000, "r");
    assertEquals(List.of("open", "from client", "<frame>", "<closed 1000>"), connection);
    assertEquals(List.of("from server", "<close 4000>"), wire);
    assertEquals(1, done);
    assertFalse(filtered.offeredSubprotocol());
    assertEquals("q", filtered.query());
  }

  @Test
  void aMessageSentTwiceOrNeverIsStillDoneOnce() {
    Wire twice = intercept(new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
        link.toClient(text);
        link.toClient(text);
      }
    })[0];
    twice.sendText("m", () -> done++);
    assertEquals(1, done);
    assertEquals(List.of("m", "m"), wire);

    Wire never = intercept(new FrameFilter() {
      @Override
      public void fromServer(String text, Link link) {
      }
    })[0];
    never.sendText("dropped", () -> done++);
    assertEquals(2, done);
    assertEquals(List.of("m", "m"), wire);
  }
}
