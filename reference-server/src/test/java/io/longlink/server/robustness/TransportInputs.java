package io.longlink.server.robustness;

import static io.longlink.server.robustness.WireClient.frame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What reaches the WebSocket layer broken: text that is not UTF-8 (1007, LL-ERR-2), binary frames
 * (1003, LL-ERR-1), frames over limits.max_message_bytes (1009, LL-LIM-1), frames that break RFC
 * 6455 (1002, the close table), and control frames and fragments that are fine.
 */
final class TransportInputs {

  private static final int TEXT = 0x1;
  private static final int BINARY = 0x2;
  private static final int CONTINUATION = 0x0;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;
  private static final String FRAMING = "RFC 6455 framing: 1002 in the close table";

  private TransportInputs() {}

  static List<HostileInput> all() {
    Corpus c = new Corpus("transport");
    utf8(c);
    binary(c);
    oversize(c);
    framing(c);
    closes(c);
    fine(c);
    return c.inputs();
  }

  static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      byte[] b = p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : p instanceof byte[] raw ? raw : toBytes((int[]) p);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  private static byte[] toBytes(int[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] text(byte[] payload) {
    return frame(true, 0, TEXT, payload, true);
  }

  private static void utf8(Corpus c) {
    Object[][] bad = {{"an invalid second byte (C3 28)", new int[] {0xC3, 0x28}}, {"a lone continuation byte 80", new int[] {0x80}},
        {"a lone continuation byte BF", new int[] {0xBF}}, {"an overlong slash (C0 AF)", new int[] {0xC0, 0xAF}},
        {"an overlong two-byte form (C1 BF)", new int[] {0xC1, 0xBF}}, {"an overlong three-byte form (E0 80 AF)", new int[] {0xE0, 0x80, 0xAF}},
        {"an overlong four-byte form (F0 80 80 AF)", new int[] {0xF0, 0x80, 0x80, 0xAF}},
        {"a raw high surrogate in CESU-8 (ED A0 80)", new int[] {0xED, 0xA0, 0x80}},
        {"a raw low surrogate in CESU-8 (ED B0 80)", new int[] {0xED, 0xB0, 0x80}},
        {"a raw surrogate pair in CESU-8", new int[] {0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80}},
        {"a code point above U+10FFFF (F4 90 80 80)", new int[] {0xF4, 0x90, 0x80, 0x80}},
        {"a five-byte lead F8", new int[] {0xF8, 0x88, 0x80, 0x80, 0x80}}, {"the byte F5", new int[] {0xF5, 0x80, 0x80, 0x80}},
        {"the byte FE", new int[] {0xFE}}, {"the byte FF", new int[] {0xFF}},
        {"a truncated three-byte sequence (E2 82)", new int[] {0xE2, 0x82}}, {"a truncated four-byte sequence (F0 9F 98)", new int[] {0xF0, 0x9F, 0x98}},
        {"Latin-1 e-acute (E9)", new int[] {0xE9}}};
    for (Object[] b : bad) {
      c.add("chat body holding " + b[0], Expected.closed("LL-ERR-2", 1007),
          Attacks.sessionFrames(text(bytes("{\"type\":\"chat\",\"id\":\"", Corpus.id("t"), "\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"", b[1], "\"}"))));
    }
    c.add("member name holding an invalid byte", Expected.closed("LL-ERR-2", 1007),
        Attacks.sessionFrames(text(bytes("{\"type\":\"ping\",\"", new int[] {0xC3, 0x28}, "\":1}"))));
    c.add("text frame ending in the middle of a sequence", Expected.closed("LL-ERR-2", 1007),
        Attacks.sessionFrames(text(bytes("{\"type\":\"ping\"}", new int[] {0xE2, 0x82}))));
    c.add("invalid UTF-8 across two fragments (E2 | 28)", Expected.closed("LL-ERR-2", 1007),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes("{\"type\":\"ping\",\"x\":\"", new int[] {0xE2}), true),
            frame(true, 0, CONTINUATION, bytes(new int[] {0x28}, "\"}"), true)));
    for (int i : new int[] {0, 7, 13}) {
      c.add("before auth, a text frame holding " + bad[i][0], Expected.closed("LL-ERR-2", 1007),
          Attacks.beforeAuthFrames(text(bytes("{\"type\":\"auth\",\"token\":\"", bad[i][1], "\"}"))));
    }
  }

  private static void binary(Corpus c) {
    String ping = Values.ping("bin-1");
    c.add("an empty binary frame", Expected.closed("LL-ERR-1", 1003), Attacks.sessionFrames(frame(true, 0, BINARY, new byte[0], true)));
    c.add("a binary frame holding a valid ping", Expected.closed("LL-ERR-1", 1003), Attacks.sessionFrames(frame(true, 0, BINARY, bytes(ping), true)));
    c.add("a one-byte binary frame", Expected.closed("LL-ERR-1", 1003), Attacks.sessionFrames(frame(true, 0, BINARY, new byte[] {0}, true)));
    c.add("a 1000-byte binary frame", Expected.closed("LL-ERR-1", 1003), Attacks.sessionFrames(frame(true, 0, BINARY, new byte[1_000], true)));
    c.add("a binary frame larger than limits.max_message_bytes (1003 and 1009 both fit: see report)", Expected.closed("LL-ERR-1", 1003),
        Attacks.sessionFrames(frame(true, 0, BINARY, new byte[Corpus.MAX_BYTES + 100], true)));
    c.add("a binary message in two fragments", Expected.closed("LL-ERR-1", 1003),
        Attacks.sessionFrames(frame(false, 0, BINARY, bytes("{\"type\""), true), frame(true, 0, CONTINUATION, bytes(":\"ping\"}"), true)));
    c.add("before auth, a binary frame holding a valid auth", Expected.closed("LL-ERR-1", 1003),
        Attacks.beforeAuthFrames(frame(true, 0, BINARY, bytes(Tokens.auth("x")), true)));
    c.add("before auth, an empty binary frame", Expected.closed("LL-ERR-1", 1003), Attacks.beforeAuthFrames(frame(true, 0, BINARY, new byte[0], true)));
  }

  private static void oversize(Corpus c) {
    int max = Corpus.MAX_BYTES;
    byte[] over = new byte[max + 1];
    Arrays.fill(over, (byte) 'a');
    c.add("a text frame of limit+1 bytes that is not even JSON", Expected.closed("LL-LIM-1", 1009), Attacks.sessionFrames(text(over)));
    byte[] half = new byte[max / 2 + 1];
    Arrays.fill(half, (byte) ' ');
    c.add("two fragments, each under the limit, together one byte over", Expected.closed("LL-LIM-1", 1009),
        Attacks.sessionFrames(frame(false, 0, TEXT, Arrays.copyOf(half, max / 2), true), frame(true, 0, CONTINUATION, half, true)));
    List<byte[]> pieces = new ArrayList<>();
    for (int i = 0; i < max / 128; i++) {
      pieces.add(frame(false, 0, i == 0 ? TEXT : CONTINUATION, new byte[128], true));
    }
    pieces.add(frame(true, 0, CONTINUATION, new byte[1], true));
    c.add("65 fragments of 128 bytes adding up to one byte over", Expected.closed("LL-LIM-1", 1009),
        Attacks.sessionFrames(pieces.toArray(new byte[0][])));
    c.add("a 64 KiB + 1 text frame", Expected.closed("LL-LIM-1", 1009), Attacks.sessionFrames(text(new byte[65_537])));
    c.add("a 1 MiB text frame", Expected.closedOrDropped("LL-LIM-1", 1009), Attacks.sessionFrames(text(new byte[1 << 20])));
    c.add("a frame declaring 2^40 bytes, 16 KiB of them sent", Expected.closedOrDropped("LL-LIM-1", 1009),
        Attacks.sessionFrames(frame(true, 0, TEXT, new byte[16_384], true, 1L << 40)));
    c.add("before auth, a text frame of limit+1 bytes", Expected.closed("LL-LIM-1", 1009), Attacks.beforeAuthFrames(text(over)));
  }

  private static void framing(Corpus c) {
    byte[] ping = bytes(Values.ping("f-1"));
    c.add("an unmasked text frame", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, TEXT, ping, false)));
    c.add("an unmasked ping control frame", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, PING, new byte[0], false)));
    c.add("an unmasked close frame", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(true, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}, false)));
    for (int rsv : new int[] {4, 2, 1, 7}) {
      c.add("a text frame with reserved bits " + Integer.toBinaryString(8 | rsv).substring(1) + " set", Expected.closed(FRAMING, 1002),
          Attacks.sessionFrames(frame(true, rsv, TEXT, ping, true)));
    }
    c.add("a ping control frame with RSV1 set", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 4, PING, new byte[0], true)));
    for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
      c.add("a frame with the reserved opcode 0x" + Integer.toHexString(op), Expected.closed(FRAMING, 1002),
          Attacks.sessionFrames(frame(true, 0, op, ping, true)));
    }
    c.add("a ping control frame of 126 bytes", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, PING, new byte[126], true)));
    c.add("a pong control frame of 126 bytes", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, PONG, new byte[126], true)));
    byte[] longClose = new byte[126];
    longClose[0] = 0x03;
    longClose[1] = (byte) 0xE8;
    c.add("a close frame of 126 bytes", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, CLOSE, longClose, true)));
    c.add("a fragmented ping (FIN clear)", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(false, 0, PING, new byte[1], true)));
    c.add("a fragmented pong (FIN clear)", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(false, 0, PONG, new byte[1], true)));
    c.add("a fragmented close (FIN clear)", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(false, 0, CLOSE, new byte[] {0x03, (byte) 0xE8}, true)));
    c.add("a final continuation frame with no message started", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(true, 0, CONTINUATION, ping, true)));
    c.add("a non-final continuation frame with no message started", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(false, 0, CONTINUATION, ping, true)));
    c.add("a new text frame while a fragmented text message is open", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes("{\"type\":"), true), frame(true, 0, TEXT, ping, true)));
    c.add("a binary frame while a fragmented text message is open", Expected.closed(FRAMING, 1002),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes("{\"type\":"), true), frame(true, 0, BINARY, ping, true)));
    c.add("a payload length with its most significant bit set",
        Expected.closed("RFC 6455 5.2 wants the bit clear; Jetty reads a length too big: 1009, in the close table", 1009),
        Attacks.sessionFrames(WireClient.frameWith64BitLength(TEXT, new byte[16], Long.MIN_VALUE + 16)));
  }

  private static void closes(Corpus c) {
    c.add("a close frame with a one-byte payload", Expected.closed(FRAMING, 1002), Attacks.sessionFrames(frame(true, 0, CLOSE, new byte[] {3}, true)));
    for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535}) {
      c.add("a close frame with the invalid code " + code, Expected.closed(FRAMING, 1002), Attacks.sessionFrames(WireClient.close(code, new byte[0])));
    }
    c.add("a close frame whose reason is not UTF-8", Expected.closed("RFC 6455 8.1: 1007", 1007),
        Attacks.sessionFrames(WireClient.close(1000, new byte[] {(byte) 0xC3, 0x28})));
    c.add("the client's own close 1000", Expected.closed("close table: a server answers the client's 1000 with 1000", 1000),
        Attacks.sessionFrames(WireClient.close(1000, bytes("bye"))));
    for (int code : new int[] {1001, 3000, 4000, 4321}) {
      c.add("the client's own close " + code, Expected.closed("RFC 6455 5.5.1 echo; PROTOCOL.md is silent (see report)", code),
          Attacks.sessionFrames(WireClient.close(code, new byte[0])));
    }
    c.add("the client's own close without a code", Expected.closed("RFC 6455 7.1.5: no code is read as 1005 (see report)", 1005),
        Attacks.sessionFrames(frame(true, 0, CLOSE, new byte[0], true)));
  }

  private static void fine(Corpus c) {
    String id = Corpus.id("t");
    String ping = Values.ping(id);
    c.add("a WebSocket ping control frame in a session", Expected.ignored("LL-HB-4"), Attacks.sessionFrames(frame(true, 0, PING, bytes("hi"), true)));
    c.add("a ping control frame of 125 bytes", Expected.ignored("LL-HB-4"), Attacks.sessionFrames(frame(true, 0, PING, new byte[125], true)));
    c.add("an unsolicited pong control frame", Expected.ignored("LL-HB-4"), Attacks.sessionFrames(frame(true, 0, PONG, new byte[0], true)));
    c.add("a ping message in three fragments", Expected.open("RFC 6455 fragmentation", Msg.pong(id)),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes(ping.substring(0, 5)), true),
            frame(false, 0, CONTINUATION, bytes(ping.substring(5, 12)), true), frame(true, 0, CONTINUATION, bytes(ping.substring(12)), true)));
    String id2 = Corpus.id("t");
    String ping2 = Values.ping(id2);
    List<byte[]> single = new ArrayList<>();
    for (int i = 0; i < ping2.length(); i++) {
      single.add(frame(i == ping2.length() - 1, 0, i == 0 ? TEXT : CONTINUATION, bytes(ping2.substring(i, i + 1)), true));
    }
    c.add("a ping message in one-byte fragments", Expected.open("RFC 6455 fragmentation", Msg.pong(id2)),
        Attacks.sessionFrames(single.toArray(new byte[0][])));
    String id3 = Corpus.id("t");
    String ping3 = Values.ping(id3);
    c.add("a control ping between the fragments of a message", Expected.open("RFC 6455 5.4", Msg.pong(id3)),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes(ping3.substring(0, 8)), true), frame(true, 0, PING, new byte[0], true),
            frame(true, 0, CONTINUATION, bytes(ping3.substring(8)), true)));
    String id4 = Corpus.id("t");
    c.add("a message whose last fragment is empty", Expected.open("RFC 6455 fragmentation", Msg.pong(id4)),
        Attacks.sessionFrames(frame(false, 0, TEXT, bytes(Values.ping(id4)), true), frame(true, 0, CONTINUATION, new byte[0], true)));
    String id5 = Corpus.id("t");
    byte[] euro = bytes(Values.chat(id5, "bob", "\u20ac"));
    int split = Values.chat(id5, "bob", "").length(); // after the euro sign's first two bytes
    c.add("a chat whose euro sign is split across fragments", Expected.open("RFC 6455 fragmentation", Msg.ack(id5)),
        Attacks.sessionFrames(frame(false, 0, TEXT, Arrays.copyOf(euro, split), true),
            frame(true, 0, CONTINUATION, Arrays.copyOfRange(euro, split, euro.length), true)));
    String id6 = Corpus.id("t");
    c.add("a ping whose length uses the 64-bit form (not minimal)", Expected.open("RFC 6455 5.2 (receiver behaviour unspecified)", Msg.pong(id6)),
        Attacks.sessionFrames(WireClient.frameWith64BitLength(TEXT, bytes(Values.ping(id6)), Values.ping(id6).length())));
  }
}
