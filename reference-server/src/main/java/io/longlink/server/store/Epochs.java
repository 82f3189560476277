package io.longlink.server.store;

import java.security.SecureRandom;

/** New history epochs (PROTOCOL.md LL-DLV-12): 80 random bits, so that no two histories ever share one. */
public final class Epochs {

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Epochs() {}

  /** A fresh epoch: 16 characters of lowercase base32, within the format of a message id. */
  public static String fresh() {
    byte[] bits = new byte[LENGTH * 5 / 8];
    RANDOM.nextBytes(bits);
    StringBuilder epoch = new StringBuilder(LENGTH);
    int buffer = 0;
    int buffered = 0;
    for (byte b : bits) {
      buffer = (buffer << 8) | (b & 0xff);
      buffered += 8;
      while (buffered >= 5) {
        buffered -= 5;
        epoch.append(BASE32[(buffer >>> buffered) & 31]);
      }
    }
    return epoch.toString();
  }
}
