package io.longlink.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.codec.DecodeError.Kind;
import io.longlink.model.ChatAck;
import io.longlink.model.DeliveryAck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each category of invalid input gives its own typed error, naming what was wrong. */
class DecodeErrorTest {

  private final MessageCodec codec = MessageCodec.create();

  private DecodeError clientError(String text) {
    DecodeResult<?> result = codec.decodeClientMessage(text);
    assertFalse(result.isOk(), () -> "expected an error for " + text + ", got " + result);
    return result.error();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{", "hello", "{\"type\":\"ping\"} {\"type\":\"ping\"}",
      "{\"type\":\"ping\",\"type\":\"ping\"}", "{'type':'ping'}"})
  void textThatIsNotOneJsonValueIsNotJson(String text) {
    DecodeError error = clientError(text);
    assertEquals(Kind.NOT_JSON, error.kind());
    assertTrue(error.unreadable());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"[1,2]|array", "\"ping\"|string", "42|number", "null|null", "true|boolean"})
  void jsonThatIsNotAnObjectSaysWhatItIs(String text, String jsonType) {
    DecodeError error = clientError(text);
    assertEquals(Kind.NOT_AN_OBJECT, error.kind());
    assertTrue(error.detail().contains(jsonType), error.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"id\":\"m1\"}", "{\"type\":7}", "{\"type\":null}", "{\"type\":{\"a\":1}}"})
  void anObjectWithoutAStringTypeIsMissingItsType(String text) {
    DecodeError error = clientError(text);
    assertEquals(Kind.MISSING_TYPE, error.kind());
    assertTrue(error.unreadable());
  }

  @Test
  void anUnknownTypeNamesTheTypeAndTheMessageId() {
    DecodeError error = clientError("{\"type\":\"typing\",\"id\":\"m-7\"}");
    assertEquals(Kind.UNKNOWN_TYPE, error.kind());
    assertEquals("typing", error.type());
    assertEquals("m-7", error.ref());
    assertFalse(error.unreadable());
    assertTrue(error.detail().contains("known types are"), error.detail());
  }

  @Test
  void aServerOnlyTypeIsUnknownFromAClient() {
    DecodeError error = clientError("{\"type\":\"auth_ok\"}");
    assertEquals(Kind.UNKNOWN_TYPE, error.kind());
  }

  @Test
  void anInvalidIdIsNotUsedAsRef() {
    assertEquals(null, clientError("{\"type\":\"typing\",\"id\":\"has spaces\"}").ref());
    assertEquals(null, clientError("{\"type\":\"typing\",\"id\":12}").ref());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"}}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"group\",\"id\":\"x\"},\"body\":\"hi\"}|/to/kind",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"\"}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\"},\"body\":\"hi\"}|/to/id",
      "{\"type\":\"ack\",\"seq\":0}|/seq",
      "{\"type\":\"ack\",\"seq\":1.5}|/seq",
      "{\"type\":\"join\",\"id\":\"j1\",\"room\":\"has space\"}|/room",
      "{\"type\":\"auth\",\"token\":\"t\",\"client\":{\"name\":\"x\"}}|/client/version"})
  void aSchemaViolationPointsAtTheOffendingMember(String text, String pointer) {
    DecodeError error = clientError(text);
    assertEquals(Kind.SCHEMA_VIOLATION, error.kind(), error.detail());
    assertEquals(pointer, error.pointer().orElseThrow(), error.detail());
    assertTrue(error.detail().contains(pointer), error.detail());
  }

  @Test
  void aSchemaViolationNamesTheMessageId() {
    DecodeError error = clientError("{\"type\":\"chat\",\"id\":\"m-9\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"}}");
    assertEquals("m-9", error.ref());
    assertEquals("chat", error.type());
  }

  @Test
  void unknownMembersAreIgnored() {
    DecodeResult<?> result = codec.decodeClientMessage(
        "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"hi\",\"from\":\"mallory\",\"x\":[1]}");
    assertTrue(result.isOk(), result::toString);
  }

  private static String pingHolding(String value) {
    return "{\"type\":\"ping\",\"x\":" + value + "}";
  }

  @Test
  void theReadingBoundsAreExactAndTheErrorSaysWhichOneBroke() {
    assertTrue(codec.decodeClientMessage(pingHolding("[".repeat(63) + "]".repeat(63))).isOk(), "depth 64");
    assertTrue(codec.decodeClientMessage(pingHolding("-1." + "2".repeat(58) + "e+9")).isOk(), "a number of 64 characters");
    DecodeError deep = clientError(pingHolding("[".repeat(64) + "]".repeat(64)));
    assertEquals(Kind.TOO_DEEP, deep.kind());
    assertTrue(deep.unreadable() && deep.detail().contains("64 levels"), deep.detail());
    DecodeError longNumber = clientError(pingHolding("-1." + "2".repeat(59) + "e+9"));
    assertEquals(Kind.NUMBER_TOO_LONG, longNumber.kind());
    assertTrue(longNumber.unreadable() && longNumber.detail().contains("64 characters (65,"), longNumber.detail());
  }

  @Test
  void textInsideStringsIsNotCountedAgainstTheBounds() {
    assertTrue(codec.decodeClientMessage(pingHolding("\"" + "[{".repeat(100) + "9".repeat(100) + "\\\"\"")).isOk());
  }

  @Test
  void aCodecCanBeBuiltToReadMore() {
    MessageCodec lenient = MessageCodec.create(new ReadingRules(1_000, 1_000, true));
    assertTrue(lenient.decodeClientMessage(pingHolding("[".repeat(500) + "]".repeat(500))).isOk());
    assertTrue(lenient.decodeClientMessage(pingHolding("9".repeat(500))).isOk());
    assertTrue(lenient.decodeClientMessage(pingHolding("\"\\ud800\"")).isOk());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"a\\ud800\"}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"\\ude00b\"}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"b\\udbff\"},\"body\":\"hi\"}|/to/id",
      "{\"type\":\"ping\",\"a/b\":[\"ok\",\"\\ud800\"]}|/a~1b/1",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"a\\uDFFF\"}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"a\\uDaBc\"}|/body",
      "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"a\ud800\"}|/body",
      "{\"type\":\"ty\\ud800pe\"}|/type"})
  void aStringWithAnUnpairedSurrogateIsAViolationAtItsPointer(String text, String pointer) {
    DecodeError error = clientError(text);
    assertEquals(Kind.SCHEMA_VIOLATION, error.kind(), error.detail());
    assertEquals(pointer, error.pointer().orElseThrow(), error.detail());
    assertTrue(error.detail().contains("unpaired surrogate") && UnpairedSurrogates.firstUnpaired(error.detail()) < 0,
        error.detail());
  }

  @Test
  void pairedSurrogatesAreText() {
    assertTrue(codec.decodeClientMessage(
        "{\"type\":\"chat\",\"id\":\"m1\",\"to\":{\"kind\":\"user\",\"id\":\"bob\"},\"body\":\"\\ud83d\\ude00\"}").isOk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"type\":\"ping\",\"\\ud800\":1}", "{\"type\":\"ping\",\"x\":{\"\ud800\":1}}"})
  void aMemberNameWithAnUnpairedSurrogateIsUnreadable(String text) {
    DecodeError error = clientError(text);
    assertEquals(Kind.NOT_JSON, error.kind(), error.detail());
  }

  @Test
  void theDirectionDecidesWhichAckIsMeant() {
    assertInstanceOf(DeliveryAck.class, codec.decodeClientMessage("{\"type\":\"ack\",\"seq\":3}").message());
    assertInstanceOf(ChatAck.class, codec.decodeServerMessage(
        "{\"type\":\"ack\",\"id\":\"m1\",\"seq\":3,\"ts\":1,\"duplicate\":false}").message());
    assertEquals(Kind.SCHEMA_VIOLATION, codec.decodeServerMessage("{\"type\":\"ack\",\"seq\":3}").error().kind());
  }
}
