package io.longlink.client.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longlink.client.ChatResult;
import io.longlink.client.ClientConfigException;
import io.longlink.client.ClientObserver;
import io.longlink.client.ConnectionState;
import io.longlink.client.Delivery;
import io.longlink.client.SendFailedException;
import io.longlink.model.ErrorMessage;
import java.util.Map;

/**
 * Turns what the library reports into event lines (DRIVER.md §5). Acks and failures come from
 * here rather than from the send futures, so that the chats a restarted client took over from
 * its store are reported too.
 */
final class DriverObserver implements ClientObserver {

  private final EventWriter events;
  /** Message id to the cid of the command that sent it. */
  private final Map<String, String> cids;

  DriverObserver(EventWriter events, Map<String, String> cids) {
    this.events = events;
    this.cids = cids;
  }

  @Override
  public void stateChanged(ConnectionState state) {
    ObjectNode e = EventWriter.event("state");
    // The library counts attempt k >= 1 since the last auth_ok; DRIVER.md gives the backoff index n = k - 1,
    // and no attempt at all for the application's own connect (k = 0).
    if (state instanceof ConnectionState.Connecting c) {
      e.put("state", "connecting");
      if (c.attempt() > 0) {
        e.put("attempt", c.attempt() - 1);
      }
    } else if (state instanceof ConnectionState.Open o) {
      e.put("state", "open").put("session_id", o.sessionId());
    } else if (state instanceof ConnectionState.Reconnecting r) {
      e.put("state", "reconnecting").put("attempt", r.attempt() - 1).put("delay_ms", r.delayMs());
      ended(e, r.closeCode(), r.reason());
    } else if (state instanceof ConnectionState.Closed c) {
      e.put("state", "closed");
      ended(e, c.closeCode(), c.reason());
    } else {
      return;
    }
    events.write(e);
  }

  private static void ended(ObjectNode e, int code, String reason) {
    if (code >= 1000 && code <= 4999) {
      e.put("code", code);
    }
    if (reason != null && !reason.isEmpty()) {
      e.put("reason", Texts.clip(reason, 1024));
    }
  }

  @Override
  public void chatAcked(ChatResult result) {
    ObjectNode e = withCid(EventWriter.event("acked"), result.id());
    events.write(e.put("id", result.id()).put("seq", result.seq()).put("duplicate", result.duplicate()));
  }

  @Override
  public void sendFailed(SendFailedException failure) {
    ObjectNode e = withCid(EventWriter.event("failed"), failure.id());
    events.write(e.put("id", failure.id()).put("code", Texts.code(failure.code()))
        .put("reason", Texts.clip(failure.getMessage(), 4096)));
  }

  @Override
  public void configurationError(ClientConfigException problem) {
    events.error(null, "signingKey".equals(problem.parameter()) ? "no_signing_key" : "client_error", problem.getMessage());
  }

  @Override
  public void serverError(ErrorMessage error) {
    events.error(null, "client_error", "the server sent error " + error.code() + ": " + error.message());
  }

  @Override
  public void internalError(Throwable failure) {
    events.error(null, "client_error", "the client failed: " + failure);
  }

  @Override
  public void linkDead(long silentMs) {
    events.log("info", "the client declared the link dead after " + silentMs + " ms of silence");
  }

  @Override
  public void chatDeferred(String id, String code, long retryAfterMs) {
    events.log("info", "chat " + id + " refused for now (" + code + "); sent again in " + retryAfterMs + " ms");
  }

  @Override
  public void deliveryReceived(Delivery delivery, boolean repeat) {
    if (repeat) {
      events.log("debug", "dropped a repeat of (" + delivery.from() + ", " + delivery.id() + ") seq " + delivery.seq());
    }
  }

  @Override
  public void deliveryFailed(Delivery delivery, Exception failure) {
    events.log("warn", "delivery seq " + delivery.seq() + " was not processed: " + failure);
  }

  @Override
  public void unreadableFrame(String problem) {
    events.log("warn", "the client ignored a frame it could not read: " + problem);
  }

  private ObjectNode withCid(ObjectNode e, String id) {
    String cid = cids.get(id);
    return cid == null ? e : e.put("cid", cid);
  }
}
