package io.longlink.client.driver.fault;

import io.longlink.client.AsyncDeliveryHandler;
import io.longlink.client.ChatResult;
import io.longlink.client.ClientConfigException;
import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.SendFailedException;
import io.longlink.model.ErrorMessage;

/** Faults in what reaches the application. */
final class DeliveryFaults {

  private DeliveryFaults() {}

  /** LL-DD-6: a repeat the library drops is handed to the application all the same. */
  static Fault repeatsHandedOver() {
    return new Fault() {
      @Override
      public ClientObserver observer(ClientObserver real, AsyncDeliveryHandler application) {
        return new Forwarding(real) {
          @Override
          public void deliveryReceived(Delivery delivery, boolean repeat) {
            super.deliveryReceived(delivery, repeat);
            if (repeat) {
              try {
                application.process(delivery);
              } catch (Exception e) {
                real.deliveryFailed(delivery, e);
              }
            }
          }
        };
      }
    };
  }

  /** An observer that passes every call on. */
  private static class Forwarding implements ClientObserver {
    private final ClientObserver real;

    Forwarding(ClientObserver real) {
      this.real = real;
    }

    @Override
    public void stateChanged(ConnectionState state) {
      real.stateChanged(state);
    }

    @Override
    public void linkDead(long silentMs) {
      real.linkDead(silentMs);
    }

    @Override
    public void chatSent(String id, int send) {
      real.chatSent(id, send);
    }

    @Override
    public void chatAcked(ChatResult result) {
      real.chatAcked(result);
    }

    @Override
    public void sendFailed(SendFailedException failure) {
      real.sendFailed(failure);
    }

    @Override
    public void chatDeferred(String id, String code, long retryAfterMs) {
      real.chatDeferred(id, code, retryAfterMs);
    }

    @Override
    public void deliveryReceived(Delivery delivery, boolean repeat) {
      real.deliveryReceived(delivery, repeat);
    }

    @Override
    public void deliveryProcessed(Delivery delivery) {
      real.deliveryProcessed(delivery);
    }

    @Override
    public void deliveryFailed(Delivery delivery, Exception failure) {
      real.deliveryFailed(delivery, failure);
    }

    @Override
    public void deliveryAcked(long seq) {
      real.deliveryAcked(seq);
    }

    @Override
    public void serverError(ErrorMessage error) {
      real.serverError(error);
    }

    @Override
    public void unreadableFrame(String problem) {
      real.unreadableFrame(problem);
    }

    @Override
    public void configurationError(ClientConfigException problem) {
      real.configurationError(problem);
    }

    @Override
    public void internalError(Throwable failure) {
      real.internalError(failure);
    }
  }
}
