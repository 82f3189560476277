import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The slow-upgrade attack of scripts/slow-upgrade-attack.sh, JDK only (run as a source file):
 * COUNT connections from 127.0.0.2 each send an upgrade request line, then one header line every
 * INTERVAL_MS, never the blank line that ends the request. A normal client connects from
 * 127.0.0.1 and authenticates once before the attack and once while it is on. Prints how the
 * server treated them all.
 *
 *   java SlowUpgradeAttack.java ws://127.0.0.1:PORT/ws JWT_SECRET COUNT INTERVAL_MS
 */
public final class SlowUpgradeAttack {

  private static final int MAX_COUNT = 5_000;
  /** A close this soon after the connect is a refusal at accept, not the deadline. */
  private static final long AT_ONCE_MS = 500;

  /** The normal client's auth_ok, and when it arrived. */
  private record AuthOk(String text, long atNanos) {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: java SlowUpgradeAttack.java ws://127.0.0.1:PORT/ws JWT_SECRET COUNT INTERVAL_MS");
      System.exit(2);
    }
    URI target = URI.create(args[0]);
    int count = Integer.parseInt(args[2]);
    long intervalMs = Long.parseLong(args[3]);
    if (!InetAddress.getByName(target.getHost()).isLoopbackAddress() || count < 1 || count > MAX_COUNT || intervalMs < 10) {
      System.err.println("the target has to be a loopback address, COUNT 1-" + MAX_COUNT + ", INTERVAL_MS at least 10");
      System.exit(2);
    }
    long before = System.nanoTime();
    AuthOk baseline = normalClient(target, args[1]).get(30, TimeUnit.SECONDS);
    System.out.println("normal client before the attack (a cold JVM): auth_ok "
        + TimeUnit.NANOSECONDS.toMillis(baseline.atNanos() - before) + " ms after it started to connect");
    long[] connected = new long[count];
    long[] closed = new long[count];
    SocketChannel[] channels = new SocketChannel[count];
    Selector selector = Selector.open();
    ByteBuffer sink = ByteBuffer.allocate(4096);
    byte[] requestLine = ("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
        + "\r\n").getBytes(StandardCharsets.US_ASCII);
    InetAddress from = InetAddress.getByName("127.0.0.2");
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open();
      channel.bind(new InetSocketAddress(from, 0));
      channel.connect(new InetSocketAddress(target.getHost(), target.getPort()));
      connected[i] = System.nanoTime();
      channels[i] = channel;
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ, i);
      write(channels, closed, i, requestLine);
      // Notes the closes of refused connections as they happen, not once all are open.
      selector.selectNow();
      readSelected(selector, channels, closed, sink);
    }
    System.out.println("opened " + count + " slow upgrades from 127.0.0.2, a header line every " + intervalMs + " ms");

    long start = System.nanoTime();
    CompletableFuture<AuthOk> authOk = normalClient(target, args[1]);
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    long nextLine = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
    int line = 0;
    while (System.nanoTime() < giveUpAt && (open(closed) > 0 || !authOk.isDone())) {
      selector.select(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(nextLine - System.nanoTime()))));
      readSelected(selector, channels, closed, sink);
      if (System.nanoTime() >= nextLine) {
        byte[] header = ("X-Slow-" + line++ + ": 1\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
          write(channels, closed, i, header);
        }
        nextLine += TimeUnit.MILLISECONDS.toNanos(intervalMs);
      }
    }
    report(connected, closed, authTimeout(baseline.text()), start, authOk);
    for (SocketChannel channel : channels) {
      channel.close();
    }
    System.exit(0);
  }

  private static void report(long[] connected, long[] closed, long authTimeoutMs, long normalStart,
      CompletableFuture<AuthOk> authOk) {
    AuthOk ok = authOk.isDone() && !authOk.isCompletedExceptionally() ? authOk.join() : null;
    long[] openMs = new long[connected.length];
    for (int i = 0; i < connected.length; i++) {
      openMs[i] = closed[i] == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(closed[i] - connected[i]);
    }
    long bound = authTimeoutMs + 1_000;
    long refused = Arrays.stream(openMs).filter(ms -> ms >= 0 && ms < AT_ONCE_MS).count();
    long withinBound = Arrays.stream(openMs).filter(ms -> ms >= 0 && ms <= bound).count();
    long stillOpen = Arrays.stream(openMs).filter(ms -> ms < 0).count();
    long longest = Arrays.stream(openMs).max().orElse(-1);
    long slowest = Arrays.stream(openMs).filter(ms -> ms >= AT_ONCE_MS).max().orElse(-1);
    System.out.println("auth timeout advertised: " + authTimeoutMs + " ms, so the bound is " + bound + " ms (LL-LIM-9)");
    System.out.println("closed within the bound, counted from the connect (the server's accept can be later): "
        + withinBound + " of " + connected.length
        + " (refused at once, under " + AT_ONCE_MS + " ms: " + refused + ")");
    System.out.println("longest any stayed open: " + (stillOpen > 0 ? "still open at the end: " + stillOpen : longest + " ms")
        + (slowest >= 0 ? " (longest of those admitted: " + slowest + " ms)" : ""));
    System.out.println("normal client during the attack: " + (ok == null ? "FAILED, no auth_ok" : "auth_ok "
        + TimeUnit.NANOSECONDS.toMillis(ok.atNanos() - normalStart) + " ms after it started to connect"));
  }

  private static void readSelected(Selector selector, SocketChannel[] channels, long[] closed, ByteBuffer sink) {
    for (SelectionKey key : selector.selectedKeys()) {
      int i = (Integer) key.attachment();
      try {
        sink.clear();
        if (channels[i].read(sink) < 0) {
          close(channels, closed, i);
        }
      } catch (IOException e) {
        close(channels, closed, i);
      }
    }
    selector.selectedKeys().clear();
  }

  private static long open(long[] closed) {
    return Arrays.stream(closed).filter(t -> t == 0).count();
  }

  private static void write(SocketChannel[] channels, long[] closed, int i, byte[] bytes) {
    if (closed[i] != 0) {
      return;
    }
    try {
      channels[i].write(ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      close(channels, closed, i);
    }
  }

  private static void close(SocketChannel[] channels, long[] closed, int i) {
    if (closed[i] == 0) {
      closed[i] = System.nanoTime();
      try {
        channels[i].close();
      } catch (IOException ignored) {
        // The server closed it already; only the time matters.
      }
    }
  }

  /** Connects, sends auth, and completes with the first message, auth_ok. */
  private static CompletableFuture<AuthOk> normalClient(URI target, String secret) throws Exception {
    CompletableFuture<AuthOk> authOk = new CompletableFuture<>();
    String auth = "{\"type\":\"auth\",\"token\":\"" + token(secret) + "\",\"client\":{\"name\":\"slow-upgrade-attack\","
        + "\"version\":\"1\"}}";
    StringBuilder text = new StringBuilder();
    WebSocket.Listener listener = new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          authOk.complete(new AuthOk(text.toString(), System.nanoTime()));
        }
        socket.request(1);
        return null;
      }

      @Override
      public void onError(WebSocket socket, Throwable error) {
        authOk.completeExceptionally(error);
      }
    };
    HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("longlink.v1").buildAsync(target, listener)
        .whenComplete((socket, failure) -> {
          if (failure != null) {
            authOk.completeExceptionally(failure);
          } else {
            socket.sendText(auth, true);
          }
        });
    return authOk.orTimeout(30, TimeUnit.SECONDS);
  }

  private static long authTimeout(String authOk) {
    Matcher m = Pattern.compile("\"auth_timeout_ms\"\\s*:\\s*(\\d+)").matcher(authOk);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** An HS256 JWT for a user of the reference server (sub, exp, scope longlink). */
  private static String token(String secret) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    long exp = System.currentTimeMillis() / 1000 + 3600;
    String claims = b64.encodeToString(("{\"sub\":\"normal-client\",\"exp\":" + exp + ",\"scope\":\"longlink\"}")
        .getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    return header + "." + claims + "." + signature;
  }
}
