package io.longlink.client.driver.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.time.Cancellable;
import io.longlink.client.time.ClientScheduler;
import io.longlink.client.transport.Transport;

/** Faults in how the client judges whether a link is alive. */
final class LivenessFaults {

  private LivenessFaults() {}

  /**
   * LL-HB-7: in a session, a link that brought no pong for {@code heartbeat.timeout_ms} is
   * declared dead (closed with 4000), whatever other frames came.
   */
  static Fault onlyPongsCount(ClientScheduler clock) {
    return SentFrameFaults.onLinks(() -> new LinkFault() {
      private volatile long timeoutMs;
      private volatile long lastPong;
      private volatile boolean over;
      private Cancellable check = Cancellable.NONE;

      @Override
      void serverSends(String frame) {
        ObjectNode f = Frames.parse(frame);
        String type = Frames.type(f);
        if (type.equals("auth_ok")) {
          timeoutMs = f.path("heartbeat").path("timeout_ms").asLong();
          lastPong = clock.now();
          clock.execute(this::arm);
        } else if (type.equals("pong")) {
          lastPong = clock.now();
        }
        client.text(frame);
      }

      private void arm() {
        check = clock.schedule(lastPong + timeoutMs - clock.now(), this::check);
      }

      private void check() {
        if (over) {
          return;
        }
        if (clock.now() - lastPong < timeoutMs) {
          arm();
          return;
        }
        over = true;
        String reason = "heartbeat_timeout: no pong for " + timeoutMs + " ms";
        wire.close(4000, reason);
        wire.abort();
        client.closed(4000, reason);
      }

      @Override
      void clientCloses(int code, String reason) {
        stop();
        wire.close(code, reason);
      }

      @Override
      void clientAborts() {
        stop();
        wire.abort();
      }

      @Override
      void ended(int code, String reason) {
        stop();
        client.closed(code, reason);
      }

      private void stop() {
        over = true;
        clock.execute(check::cancel);
      }
    });
  }

  /**
   * LL-HB-8: a connection that got no auth_ok is never given up: the client's close of it is
   * swallowed, and its next attempt waits until the server ends that connection (so that the
   * attempts still do not overlap).
   */
  static Fault noConnectDeadline() {
    return new Fault() {
      @Override
      public Transport transport(Transport real) {
        return new PatientTransport(real);
      }
    };
  }
}
