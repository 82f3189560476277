package io.longlink.kit.wire;

import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptEvent.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the wire transcript of the scenario running on this thread: every frame each of its
 * connections sends and receives, their openings and closes. A scenario begins one in its first
 * hook; each connection it opens takes the recorder of its thread, and records into it from
 * whichever thread its frames arrive on. The run's collector takes the recorder back when the
 * scenario finishes: the JUnit Platform reports a test finished on the thread that ran it, and
 * Cucumber runs a scenario on one thread from its first hook to its last (as {@link
 * ScenarioDeadline} relies on too); the recorder also notes its scenario's line, so that a
 * mismatch drops the transcript rather than pinning it on the wrong scenario.
 *
 * <p>Bounded, so that a flood cannot blow up the reports: the first {@link #HEAD} events and the
 * last {@link #TAIL} are kept, with one event saying how many were left out between, and a frame's
 * text is cut at {@link #MAX_TEXT} characters.
 */
public final class TranscriptRecorder {

  static final int HEAD = 300;
  static final int TAIL = 100;
  static final int MAX_TEXT = 4_000;

  private static final ThreadLocal<TranscriptRecorder> CURRENT = new ThreadLocal<>();
  /** Connections opened outside a scenario (preflight, tests) record nothing. */
  private static final TranscriptRecorder NOWHERE = new TranscriptRecorder(-1);

  private final int line;
  private final List<Pending> head = new ArrayList<>();
  private final ArrayDeque<Pending> tail = new ArrayDeque<>();
  private final Map<String, String> named = new LinkedHashMap<>();
  private long firstNanos;
  private int omitted;
  private long omittedChars;

  private record Pending(long atNanos, String connection, Direction direction, Kind kind, String text, int code,
      String reason, boolean keepalive, int length) {}

  TranscriptRecorder(int line) {
    this.line = line;
  }

  /** Starts the transcript of the scenario beginning on this thread, written at {@code line} of its feature. */
  public static void begin(int line) {
    CURRENT.set(new TranscriptRecorder(line));
  }

  /** The recorder of the scenario running on this thread; one that keeps nothing outside a scenario. */
  public static TranscriptRecorder current() {
    TranscriptRecorder r = CURRENT.get();
    return r == null ? NOWHERE : r;
  }

  /**
   * Ends this thread's transcript and hands it over, if the scenario that began it was written at
   * {@code line}; empty when none was begun (other glue) or it belongs to another scenario.
   */
  public static java.util.Optional<Transcript> take(int line) {
    TranscriptRecorder r = CURRENT.get();
    CURRENT.remove();
    return r == null || r.line != line ? java.util.Optional.empty() : java.util.Optional.of(r.transcript());
  }

  /**
   * Shows a secret by a name in the transcript, e.g. a token as "&lt;token of alice, redacted&gt;",
   * so a reader sees whose token an auth carried; the run's redactor still removes what is not named.
   */
  public void name(String secret, String what) {
    if (this == NOWHERE || secret == null || secret.length() < 8) {
      return;
    }
    synchronized (this) {
      named.put(secret, "<" + what + ", redacted>");
    }
  }

  /** The handle a connection records with. */
  public Connection connection(String name) {
    return new Connection(this, name);
  }

  synchronized void add(String connection, Direction direction, Kind kind, String text, int code, String reason,
      boolean keepalive) {
    if (this == NOWHERE) {
      return;
    }
    long now = System.nanoTime();
    if (head.isEmpty() && tail.isEmpty() && omitted == 0) {
      firstNanos = now;
    }
    int length = text == null ? 0 : text.length();
    String kept = length > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Pending event = new Pending(now, connection, direction, kind, kept, code, reason, keepalive, length);
    if (head.size() < HEAD) {
      head.add(event);
      return;
    }
    tail.addLast(event);
    if (tail.size() > TAIL) {
      Pending dropped = tail.removeFirst();
      omitted++;
      omittedChars += dropped.length();
    }
  }

  /** What was recorded so far, with named secrets shown by their names. */
  synchronized Transcript transcript() {
    List<TranscriptEvent> events = new ArrayList<>(head.size() + tail.size() + 1);
    head.forEach(p -> events.add(event(p)));
    if (omitted > 0) {
      long at = TimeUnit.NANOSECONDS.toMillis(tail.peekFirst().atNanos() - firstNanos);
      String text = "… " + omitted + " more event" + (omitted == 1 ? "" : "s") + " (" + omittedChars
          + " characters) not kept";
      events.add(new TranscriptEvent(at, "", Direction.RECEIVED, Kind.OMITTED, text, omitted, null, false, text.length()));
    }
    tail.forEach(p -> events.add(event(p)));
    return new Transcript(events);
  }

  private TranscriptEvent event(Pending p) {
    TranscriptEvent e = new TranscriptEvent(TimeUnit.NANOSECONDS.toMillis(p.atNanos() - firstNanos), p.connection(),
        p.direction(), p.kind(), p.text(), p.code(), p.reason(), p.keepalive(), p.length());
    return named.isEmpty() ? e : e.redacted(this::replaceNamed);
  }

  private String replaceNamed(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> n : named.entrySet()) {
      out = out.replace(n.getKey(), n.getValue());
    }
    return out;
  }

  /** What one connection records: its name, and the recorder of the scenario that opened it. */
  public static final class Connection {
    private final TranscriptRecorder recorder;
    private final String name;

    Connection(TranscriptRecorder recorder, String name) {
      this.recorder = recorder;
      this.name = name;
    }

    public void open(String url, List<String> subprotocols) {
      recorder.add(name, Direction.SENT, Kind.OPEN, url + (subprotocols.isEmpty() ? ", offering no subprotocol"
          : ", offering " + String.join(", ", subprotocols)), 0, null, false);
    }

    public void opened(String subprotocol) {
      recorder.add(name, Direction.RECEIVED, Kind.OPENED, subprotocol == null ? "101, no subprotocol selected"
          : "101, subprotocol " + subprotocol, 0, null, false);
    }

    public void openFailed(String why) {
      recorder.add(name, Direction.RECEIVED, Kind.OPEN_FAILED, why, 0, null, false);
    }

    public void text(Direction direction, String text, boolean keepalive, String note) {
      recorder.add(name, direction, Kind.TEXT, text, 0, note, keepalive);
    }

    public void binary(Direction direction, byte[] data, String note) {
      recorder.add(name, direction, Kind.BINARY, hex(data), 0, note, false);
    }

    /** A frame of a raw connection, by its opcode. */
    public void frame(Direction direction, int opcode, byte[] payload) {
      switch (opcode) {
        case 0x1 -> {
          String text = Utf8.decode(payload);
          recorder.add(name, direction, Kind.TEXT, text == null ? hex(payload) : text, 0,
              text == null ? "not valid UTF-8; the bytes in hex" : null, false);
        }
        case 0x2 -> binary(direction, payload, null);
        case 0x8 -> close(direction, payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005,
            payload.length > 2 ? new String(payload, 2, payload.length - 2, java.nio.charset.StandardCharsets.UTF_8) : "");
        default -> recorder.add(name, direction, Kind.FRAME, hex(payload), opcode, opcodeName(opcode), false);
      }
    }

    public void close(Direction direction, int code, String reason) {
      recorder.add(name, direction, Kind.CLOSE, null, code, reason, false);
    }

    /** Any event, for a recorder of its own kind (the client harness's); text as on the wire. */
    public void record(Direction direction, Kind kind, String text, int code, String reason) {
      recorder.add(name, direction, kind, text, code, reason, false);
    }

    public void end(Direction direction, String how) {
      recorder.add(name, direction, Kind.END, null, 0, how, false);
    }

    private static String opcodeName(int opcode) {
      return switch (opcode) {
        case 0x0 -> "continuation frame";
        case 0x9 -> "WebSocket ping";
        case 0xA -> "WebSocket pong";
        default -> "opcode 0x" + Integer.toHexString(opcode);
      };
    }

    static String hex(byte[] data) {
      StringBuilder out = new StringBuilder(data.length * 3);
      for (byte b : data) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return out.toString();
    }
  }

  /** Strict UTF-8 decoding: raw scenarios send invalid UTF-8 on purpose. */
  private static final class Utf8 {
    static String decode(byte[] bytes) {
      try {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        return null;
      }
    }
  }
}
