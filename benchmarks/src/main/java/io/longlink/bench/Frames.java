package io.longlink.bench;

import io.longlink.model.ChatDelivery;
import io.longlink.model.Recipient;
import io.longlink.model.RecipientKind;

/**
 * The frames the benchmarks decode and the delivery they encode: what a reference client sends
 * and the reference server sends back in an ordinary session, byte for byte as the codec writes
 * them (the benchmark's setup checks that), so that the figures are those of real traffic.
 */
final class Frames {

  private Frames() {}

  /** A chat body of 100 bytes of ASCII: the size of a typical short message. */
  static final String BODY =
      "Running ten minutes late: the train stopped just outside the station. Start without me, see you at 6";

  /**
   * A direct chat as an unsigned session's client sends it: no ts, no sig (the reference client
   * adds them only when the session signs). Its id is a ULID, as PROTOCOL.md recommends.
   */
  static final String CHAT =
      "{\"type\":\"chat\",\"id\":\"01JD3Z8K5Q6W7E8R9T0Y1U2I3O\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"" + BODY + "\"}";

  /** An application heartbeat, with the id the reference client gives its pings. */
  static final String PING = "{\"type\":\"ping\",\"id\":\"p-42\"}";

  /** A client's ack of one delivered chat: the frame a recipient sends for every chat it gets. */
  static final String ACK = "{\"type\":\"ack\",\"seq\":1234567}";

  /** The chat above as the server delivers it to bob: with the sender, a seq and the server's ts. */
  static final ChatDelivery DELIVERY = new ChatDelivery("01JD3Z8K5Q6W7E8R9T0Y1U2I3O", 1_234_568L, "alice",
      new Recipient(RecipientKind.USER, "bob"), BODY, 1_763_769_601_012L, false);
}
