package io.longlink.server.testing;

/** Client messages as JSON text, the way a client on the wire would write them. */
public final class Messages {

  private Messages() {}

  public static String chatTo(String user, String id, String body) {
    return "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"user\",\"id\":\"" + user + "\"},\"body\":\"" + body + "\"}";
  }

  public static String chatToRoom(String room, String id, String body) {
    return "{\"type\":\"chat\",\"id\":\"" + id + "\",\"to\":{\"kind\":\"room\",\"id\":\"" + room + "\"},\"body\":\"" + body + "\"}";
  }

  public static String ack(long seq) {
    return "{\"type\":\"ack\",\"seq\":" + seq + "}";
  }

  public static String ping(String id) {
    return "{\"type\":\"ping\",\"id\":\"" + id + "\"}";
  }

  public static String join(String room, String id) {
    return "{\"type\":\"join\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}";
  }

  public static String leave(String room, String id) {
    return "{\"type\":\"leave\",\"id\":\"" + id + "\",\"room\":\"" + room + "\"}";
  }
}
