package io.longlink.kit.client.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A driver of DRIVER.md around {@link ToyClient}, run as its own process by the kit's tests with
 * {@code java -cp <test class path>}. Switches break the client ({@code --fixed-retry-ms=N},
 * {@code --ignore-silence}, {@code --new-ids-on-flush}) or the driver itself ({@code --no-ready},
 * {@code --bad-line}), one thing each.
 */
public final class ToyClientDriver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private ToyClientDriver() {}

  public static void main(String[] args) throws Exception {
    List<String> flags = List.of(args);
    if (flags.contains("--no-ready")) {
      System.in.read();
      return;
    }
    long fixedRetry = flags.stream().filter(f -> f.startsWith("--fixed-retry-ms=")).map(f -> Long.parseLong(f.substring(17)))
        .findFirst().orElse(0L);
    ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    ToyClient client = new ToyClient(loop, new ToyClient.Faults(fixedRetry, flags.contains("--ignore-silence"),
        flags.contains("--new-ids-on-flush")), ToyClientDriver::write);
    ObjectNode ready = JSON.createObjectNode().put("type", "ready").put("contract", 1);
    ready.putObject("client").put("name", "longlink-kit-toy").put("version", "0");
    ready.putArray("supports").add("choose_id");
    write(ready);
    if (flags.contains("--bad-line")) {
      OUT.println("{\"type\": \"state\", \"state\": \"opening\"}");
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      JsonNode command = JSON.readTree(line);
      loop.submit(() -> carryOut(client, command)).get();
      if (command.path("type").asText().equals("shutdown")) {
        break;
      }
    }
    System.exit(0);
  }

  private static void carryOut(ToyClient client, JsonNode command) {
    String cid = command.path("cid").asText();
    ObjectNode done = JSON.createObjectNode().put("type", "done").put("cid", cid);
    switch (command.path("type").asText()) {
      case "connect" -> {
        URI url = URI.create(command.path("url").asText());
        String host = url.getHost();
        if (url.getScheme().equals("ws") && !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
          write(JSON.createObjectNode().put("type", "error").put("cid", cid).put("code", "insecure_url")
              .put("message", url + " is not a loopback host: use wss://"));
          return;
        }
        write(done);
        client.connect(url, command.path("token").asText());
      }
      case "send" -> write(done.put("id", client.send(command.path("to"), command.path("body").asText())));
      case "join", "leave" -> write(done.put("id", client.roomMessage(command.path("type").asText(),
          command.path("room").asText())));
      case "close" -> {
        write(done);
        client.close();
      }
      case "shutdown" -> write(done);
      default -> write(JSON.createObjectNode().put("type", "error").put("cid", cid).put("code", "unsupported")
          .put("message", "the toy client has no " + command.path("type").asText()));
    }
  }

  private static synchronized void write(ObjectNode event) {
    OUT.println(event.toString());
  }
}
