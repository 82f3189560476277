package io.longlink.kit.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.kit.settings.Redactor;
import io.longlink.kit.wire.TranscriptEvent.Direction;
import io.longlink.kit.wire.TranscriptEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TranscriptRecorderTest {

  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl";
  private static final String OTHER_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLW9mLWJvYg";

  @AfterEach
  void endTheTranscript() {
    TranscriptRecorder.take(-2);
  }

  @Test
  void keepsEveryFrameAsOnTheWireInOrder() {
    TranscriptRecorder.begin(7);
    TranscriptRecorder.Connection alice = TranscriptRecorder.current().connection("alice's connection #1");
    alice.open("ws://127.0.0.1:1/ws", List.of("longlink.v1"));
    alice.opened("longlink.v1");
    alice.text(Direction.SENT, "{\"type\":\"ping\",\"id\":\"p-1\"}", false, null);
    alice.text(Direction.RECEIVED, "{\"type\":\"pong\",\"id\":\"kit-keepalive-1\"}", true, null);
    alice.close(Direction.RECEIVED, 4000, "silent");
    Transcript t = TranscriptRecorder.take(7).orElseThrow();
    assertEquals(List.of(Kind.OPEN, Kind.OPENED, Kind.TEXT, Kind.TEXT, Kind.CLOSE), t.events().stream().map(TranscriptEvent::kind).toList());
    assertEquals("{\"type\":\"ping\",\"id\":\"p-1\"}", t.events().get(2).text());
    assertEquals(Direction.SENT, t.events().get(2).direction());
    assertTrue(t.events().get(3).keepalive());
    assertEquals(4000, t.events().get(4).code());
    assertEquals(List.of("alice's connection #1"), t.connections());
    assertTrue(t.events().stream().allMatch(e -> e.tMs() >= 0));
  }

  @Test
  void aFloodKeepsItsStartAndItsEndAndSaysHowMuchItLeftOut() {
    TranscriptRecorder.begin(3);
    TranscriptRecorder.Connection c = TranscriptRecorder.current().connection("bob's connection #1");
    int total = TranscriptRecorder.HEAD + TranscriptRecorder.TAIL + 1234;
    for (int i = 0; i < total; i++) {
      c.text(Direction.RECEIVED, "{\"type\":\"pong\",\"id\":\"" + i + "\"}", false, null);
    }
    c.text(Direction.SENT, "x".repeat(TranscriptRecorder.MAX_TEXT + 10), false, null);
    List<TranscriptEvent> events = TranscriptRecorder.take(3).orElseThrow().events();
    assertEquals(TranscriptRecorder.HEAD + 1 + TranscriptRecorder.TAIL, events.size());
    TranscriptEvent gap = events.get(TranscriptRecorder.HEAD);
    assertEquals(Kind.OMITTED, gap.kind());
    assertTrue(gap.text().startsWith("… 1235 more events ("), gap.text());
    assertEquals("{\"type\":\"pong\",\"id\":\"0\"}", events.get(0).text());
    TranscriptEvent last = events.get(events.size() - 1);
    assertEquals(TranscriptRecorder.MAX_TEXT, last.text().length());
    assertTrue(last.cut());
    assertEquals(TranscriptRecorder.MAX_TEXT + 10, last.length());
  }

  @Test
  void tokensAreShownByWhoseTheyAreAndOtherSecretsAreRedacted() {
    TranscriptRecorder.begin(5);
    TranscriptRecorder.current().name(JWT, "token of alice");
    TranscriptRecorder.Connection c = TranscriptRecorder.current().connection("alice's connection #1");
    c.text(Direction.SENT, "{\"type\":\"auth\",\"token\":\"" + JWT + "\"}", false, null);
    c.text(Direction.SENT, "{\"type\":\"auth\",\"token\":\"" + OTHER_JWT + "\"}", false, null);
    c.close(Direction.RECEIVED, 4001, "bad key the-signing-key-123");
    Transcript t = TranscriptRecorder.take(5).orElseThrow().redacted(Redactor.of(List.of("the-signing-key-123")));
    assertEquals("{\"type\":\"auth\",\"token\":\"<token of alice, redacted>\"}", t.events().get(0).text());
    assertEquals("{\"type\":\"auth\",\"token\":\"" + Redactor.JWT + "\"}", t.events().get(1).text());
    assertEquals("bad key " + Redactor.SECRET, t.events().get(2).reason());
    assertFalse(t.toString().contains("eyJ"), t.toString());
  }

  @Test
  void rawFramesAreRecordedByOpcodeAndInvalidUtf8InHex() {
    TranscriptRecorder.begin(9);
    TranscriptRecorder.Connection raw = TranscriptRecorder.current().connection("a raw connection");
    raw.frame(Direction.SENT, 0x1, new byte[] {(byte) 0xC3, 0x28});
    raw.frame(Direction.SENT, 0x9, "hi".getBytes(StandardCharsets.UTF_8));
    raw.frame(Direction.RECEIVED, 0x8, new byte[] {0x03, (byte) 0xEF, 'b', 'a', 'd'});
    List<TranscriptEvent> events = TranscriptRecorder.take(9).orElseThrow().events();
    assertEquals("c3 28", events.get(0).text());
    assertEquals("not valid UTF-8; the bytes in hex", events.get(0).reason());
    assertEquals(Kind.FRAME, events.get(1).kind());
    assertEquals("WebSocket ping", events.get(1).reason());
    assertEquals(Kind.CLOSE, events.get(2).kind());
    assertEquals(1007, events.get(2).code());
    assertEquals("bad", events.get(2).reason());
  }

  @Test
  void aTranscriptGoesOnlyToTheScenarioThatBeganItAndOutsideAScenarioNothingIsKept() {
    TranscriptRecorder.current().connection("a preflight connection").text(Direction.SENT, "{}", false, null);
    assertTrue(TranscriptRecorder.take(0).isEmpty(), "no scenario began one");
    TranscriptRecorder.begin(12);
    assertTrue(TranscriptRecorder.take(13).isEmpty(), "another scenario's transcript is dropped, never misfiled");
    assertTrue(TranscriptRecorder.take(12).isEmpty(), "taking ends it");
  }
}
