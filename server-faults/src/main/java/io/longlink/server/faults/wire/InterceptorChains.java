package io.longlink.server.faults.wire;

import io.longlink.server.connection.ConnectionInterceptor;
import io.longlink.server.connection.Inbound;
import io.longlink.server.connection.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Filter chains inside a reference server: each connection gets one, as its
 * {@link ConnectionInterceptor}, between the transport and the connection.
 */
public final class InterceptorChains implements ConnectionInterceptor.Factory {

  private final List<Supplier<FrameFilter>> filters;
  private final Peers peers;
  private final ScheduledExecutorService scheduler;
  private final LongSupplier clock;

  /** @param filters one supplier per filter: each connection gets filters of its own, in this order */
  public InterceptorChains(List<Supplier<FrameFilter>> filters, Peers peers, ScheduledExecutorService scheduler,
      LongSupplier clock) {
    this.filters = List.copyOf(filters);
    this.peers = peers;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public ConnectionInterceptor open() {
    List<FrameFilter> own = new ArrayList<>();
    filters.forEach(f -> own.add(f.get()));
    return new Intercepted(own);
  }

  private final class Intercepted implements ConnectionInterceptor {
    private final List<FrameFilter> own;
    private Chain chain;
    private Wire real;

    Intercepted(List<FrameFilter> own) {
      this.own = own;
    }

    @Override
    public String subprotocol(String chosen) {
      return Chain.subprotocol(own, chosen);
    }

    @Override
    public long maxMessageBytes(long configured) {
      return Chain.maxMessageBytes(own, configured);
    }

    @Override
    public Wire wire(Wire toClient) {
      this.real = toClient;
      this.chain = new Chain(own, peers, scheduler, clock, toClient.query());
      return new FilteredWire(chain, toClient);
    }

    @Override
    public Inbound inbound(Inbound toConnection) {
      chain.connect(new Chain.ServerEnd() {
        @Override
        public void text(String text) {
          toConnection.onText(text);
        }

        @Override
        public void binary() {
          toConnection.onBinary();
        }

        @Override
        public void invalidText(byte[] bytes) {
          toConnection.onInvalidText(bytes);
        }
      }, new Chain.ClientEnd() {
        @Override
        public void text(String text) {
          real.sendText(text, FilteredWire.takeDone());
        }

        @Override
        public void binary(byte[] data) {
          real.sendBinary(data);
        }

        @Override
        public void close(int code, String reason) {
          real.close(code, reason);
        }
      });
      return new Inbound() {
        @Override
        public void onOpen() {
          toConnection.onOpen();
        }

        @Override
        public void onText(String text) {
          chain.fromClient(text);
        }

        @Override
        public void onInvalidText(byte[] bytes) {
          chain.invalidTextFromClient(bytes);
        }

        @Override
        public void onBinary() {
          chain.binaryFromClient();
        }

        @Override
        public void onOtherFrame() {
          toConnection.onOtherFrame();
        }

        @Override
        public void onClosed(int code, String reason) {
          chain.closed();
          toConnection.onClosed(code, reason);
        }
      };
    }
  }
}
