package io.longlink.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.longlink.cli.Cli.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every usage error exits 2 and says which parameter was wrong, what is allowed and what to do. */
class UsageErrorsTest {

  private static Result usageError(String... args) {
    return usageError(Cli.packaged(Map.of()), args);
  }

  private static Result usageError(CliContext context, String... args) {
    Result result = Cli.run(context, args);
    assertEquals(2, result.exit(), result::toString);
    assertEquals("", result.out(), "usage errors go to stderr");
    return result;
  }

  private static void says(Result result, String... parts) {
    for (String part : parts) {
      assertTrue(result.err().contains(part), () -> "missing '" + part + "' in\n" + result);
    }
  }

  @Test
  void noCommand() {
    says(usageError(), "longlink: no command given", "longlink check server [URL]", "longlink rules", "longlink serve");
  }

  @Test
  void loadOnlyLoopbackUnlessAllowed() {
    says(usageError(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", "0123456789abcdef0123456789abcdef")), "load",
        "ws://example.com/ws"), "URL ws://example.com/ws is not on a loopback address", "--allow-remote");
  }

  @Test
  void loadNamesTheOptionOutOfRange() {
    says(usageError("load", "--connections", "1", "--chaos", "2"), "--connections is 1", "--chaos is 2.0",
        "0 to 1");
  }

  @Test
  void loadOfAServerNeedsItsJwtSecret() {
    says(usageError("load", "ws://127.0.0.1:9/ws"), "no JWT secret", "LONGLINK_JWT_SECRET");
  }

  @Test
  void loadOfTheBareStackNeedsItsUrlAndNoChaos() {
    says(usageError("load", "--bare"), "--bare needs the URL of `longlink baseline`");
    says(usageError("load", "ws://127.0.0.1:9/bare", "--bare", "--chaos", "0.1"), "--chaos needs a Longlink server");
  }

  @Test
  void loadInRoomsNamesTheSizeThatDoesNotDivide() {
    says(usageError("load", "--connections", "250", "--room-size", "100"),
        "--connections 250 is not a multiple of --room-size 100");
  }

  @Test
  void loadOfAProcessThatIsNotThere() {
    says(usageError(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", "0123456789abcdef0123456789abcdef")), "load",
        "ws://127.0.0.1:9/ws", "--server-pid", "999999999"), "--server-pid 999999999: no such process");
  }

  @Test
  void loadRestartsOnlyTheEmbeddedServer() {
    says(usageError(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", "0123456789abcdef0123456789abcdef")), "load",
        "ws://127.0.0.1:9/ws", "--restart-after", "5"), "--restart-after restarts the embedded reference server");
  }

  private static Result loadError(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "load";
    System.arraycopy(args, 0, all, 1, args.length);
    return usageError(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", "0123456789abcdef0123456789abcdef")), all);
  }

  @Test
  void loadNodesAreCheckedAsTheUrlIs() {
    says(loadError("--node", "ws://127.0.0.1:2/ws"), "--node adds a node to the URL's cluster: give the first node's URL too");
    says(loadError("ws://127.0.0.1:1/ws", "--node", "ws://example.com/ws"),
        "--node ws://example.com/ws is not on a loopback address", "--allow-remote");
    says(loadError("ws://127.0.0.1:1/ws", "--node", "http://127.0.0.1:2/ws"), "--node http://127.0.0.1:2/ws is not ws:// or wss://");
    says(loadError("ws://127.0.0.1:1/ws", "--node", "ws://127.0.0.1:1/ws"), "--node ws://127.0.0.1:1/ws is given twice");
    says(loadError("ws://127.0.0.1:1/bare", "--bare", "--node", "ws://127.0.0.1:2/bare"), "--node needs a Longlink cluster");
  }

  @Test
  void loadKillsOnlyANodeOfTheRunAtATimeInsideIt() {
    says(loadError("ws://127.0.0.1:1/ws", "--kill-pid", "4242"), "--kill-pid 4242 needs --kill-after");
    says(loadError("ws://127.0.0.1:1/ws", "--kill-after", "5"), "--kill-after 5 needs --kill-pid");
    says(loadError("--kill-after", "5", "--kill-pid", "4242"), "--kill-after and --kill-pid kill a node given by URL");
    says(loadError("ws://127.0.0.1:1/ws", "--kill-after", "5", "--kill-pid", "1"), "--kill-pid 1: refused, pid 1 is init");
    says(loadError("ws://127.0.0.1:1/ws", "--duration", "5", "--kill-after", "5", "--kill-pid", "4242"),
        "--kill-after is 5000 ms; give a time inside --duration (5 s)");
    String self = Long.toString(ProcessHandle.current().pid());
    says(loadError("ws://127.0.0.1:1/ws", "--kill-after", "5", "--kill-pid", self), "refused, that is this load generator");
    says(loadError("ws://127.0.0.1:1/ws", "--kill-after", "5", "--kill-pid", "7", "--server-pid", "7"),
        "--server-pid and --kill-pid are both 7");
  }

  @Test
  void baselineNamesAPortOutOfRange() {
    says(usageError("baseline", "--port", "70000"), "--port is 70000; give 0-65535");
  }

  @Test
  void proxyNeedsItsUpstream() {
    says(usageError("proxy"), "Missing required parameter: 'UPSTREAM'", "longlink proxy --help");
    says(usageError("proxy", "http://127.0.0.1:8080/ws"), "UPSTREAM http://127.0.0.1:8080/ws is not a ws:// or wss:// URL",
        "ws://127.0.0.1:8080/ws");
    says(usageError("proxy", "ws://"), "UPSTREAM 'ws://' is not a URL");
  }

  @Test
  void proxyNamesTheSwitchItHasNotAndWhy() {
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--violate", "LL-XX-1"), "--violate LL-XX-1: there is no switch",
        "longlink serve --list-violations");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--violate", "LL-ERR-2"), "--violate LL-ERR-2: the proxy cannot break it",
        "refuses itself (close 1007)");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--violate", "LL-LIM-1"), "--violate LL-LIM-1: the proxy cannot break it",
        "cannot raise the upstream server's limit");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--violate", "LL-AUTH-5"), "--violate LL-AUTH-5",
        "needs the server's own parts", "only the reference server started with --violate LL-AUTH-5");
  }

  @Test
  void proxyNamesTheNetworkFaultOutOfRange() {
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--port", "70000"), "--port is 70000; give 0-65535");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--silent-after", "-1"), "--silent-after is -1; give 0-1000000");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--delay-ms", "70000"), "--delay-ms is 70000; give 0-60000 ms");
    says(usageError("proxy", "ws://127.0.0.1:9/ws", "--silent-after", "1", "--drop-after", "2"),
        "--silent-after and --drop-after both end the link", "give one of --silent-after, --drop-after, --cut-after");
  }

  @Test
  void proxyOnAPortInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      says(usageError("proxy", "ws://127.0.0.1:9/ws", "--port", "" + port), "--port " + port + " on 127.0.0.1 cannot be "
          + "listened on", "give another --port, or 0 for any free one");
    }
  }

  @Test
  void checkWithoutWhat() {
    says(usageError("check"), "longlink check: say what to check: `longlink check server URL`");
  }

  @Test
  void unknownOption() {
    says(usageError("check", "server", "--bogus"), "Unknown option: '--bogus'", "longlink check server --help");
  }

  @Test
  void violateNeedsTheEmbeddedServer() {
    says(usageError("check", "server", "--violate", "LL-HB-2", "ws://localhost/ws"),
        "--violate works only on the embedded reference server");
  }

  @Test
  void nodesAreCheckedAsTheUrlIsAndComeWithIt() {
    says(usageError("check", "server", "--node", "ws://127.0.0.1:9/ws"), "--node needs the URL of the server's first node",
        "longlink check server URL --node URL2");
    says(usageError("check", "server", "ws://127.0.0.1:9/ws", "--node", "https://127.0.0.1:8/ws"),
        "--node: URL 'https://127.0.0.1:8/ws' has the scheme https://");
    says(usageError("check", "server", "ws://127.0.0.1:9/ws", "--node", "ws://127.0.0.1:9/ws"),
        "--node ws://127.0.0.1:9/ws is given twice", "give each node of the cluster once");
    says(usageError("check", "server", "ws://127.0.0.1:9/ws", "--node", "ws://127.0.0.1:8/ws", "--node", "ws://127.0.0.1:8/ws"),
        "is given twice");
  }

  @Test
  void violateNamesARuleTheServerCanBreak() {
    says(usageError("check", "server", "--violate", "LL-XX-1"), "--violate LL-XX-1", "--list-violations");
  }

  /** serve's --violate comes from the faults module, as a mixin; it checks its switches with serve's own options. */
  @Test
  void serveBreaksOnlyRulesItHasASwitchFor() {
    says(usageError("serve", "--port", "0", "--max-pending", "lots", "--violate", "LL-XX-1"),
        "--max-pending is 'lots'", "--violate LL-XX-1: this server has no switch for that rule; see --list-violations");
  }

  @Test
  void tokensComeFromOnePlace() {
    says(usageError("check", "server", "--token", "alice=a", "--jwt-secret", Cli.SECRET, "ws://localhost/ws"),
        "--token alice and --jwt-secret both say where tokens come from");
    says(usageError("check", "server", "--token", "alice=a", "ws://localhost/ws"), "no token for bob");
    says(usageError("check", "server", "--token", "alice=a", "--token", "bob=b", "--token", "carol=c", "--token", "dave=d",
        "ws://localhost/ws"), "--token dave=...: the roles are alice, bob, carol");
  }

  @Test
  void forbiddenModeIsScopeOrNone() {
    says(usageError("check", "server", "--jwt-secret", Cli.SECRET, "--jwt-forbidden", "scp", "ws://localhost/ws"),
        "--jwt-forbidden is scp; use scope", "or none");
  }

  @Test
  void notAWebSocketUrl() {
    says(usageError("check", "server", "https://chat.example.com/ws"), "URL 'https://chat.example.com/ws' has the scheme https://",
        "use wss:// (or ws:// on loopback and test networks)");
    says(usageError("check", "server", "chat.example.com"), "has no scheme");
    says(usageError("check", "server", "ws://"), "is not a URL");
  }

  @Test
  void timingSlackOutOfRange() {
    says(usageError("check", "server", "--timing-slack", "20000", "ws://localhost/ws"),
        "--timing-slack: 20000 is out of range; allowed 0 to 10000 ms");
    says(usageError("check", "server", "--timing-slack", "-1", "ws://localhost/ws"), "allowed 0 to 10000");
    says(usageError("check", "server", "--timing-slack", "soon"), "'--timing-slack'", "'soon' is not an int");
  }

  @Test
  void otherLimitsOutOfRange() {
    says(usageError("check", "server", "--parallelism", "0", "ws://localhost/ws"), "--parallelism: 0 is out of range; allowed 1 to 64");
    says(usageError("check", "server", "--max-connections", "0", "ws://localhost/ws"), "--max-connections: 0 is out of range");
    says(usageError("check", "server", "--max-messages", "0", "ws://localhost/ws"), "--max-messages: 0 is out of range");
    says(usageError("check", "client", "--parallelism", "0"), "--parallelism: 0 is out of range; allowed 1 to 16");
    says(usageError("check", "client", "--parallelism", "17", "--", "node", "driver.js"), "allowed 1 to 16");
  }

  @Test
  void unknownRules() {
    says(usageError("check", "server", "--rules", "LL-HB-99", "ws://localhost/ws"),
        "--rules: LL-HB-99 is not a rule of PROTOCOL.md", "`longlink rules`");
    says(usageError("check", "server", "--rules", "LL-HB-1", "ws://localhost/ws"), "LL-HB-1 binds the client");
    says(usageError("rules", "--rules", "XYZ"), "--rules: 'XYZ' is neither a rule ID");
  }

  @Test
  void malformedTags() {
    says(usageError("check", "server", "--tags", "@a and (", "ws://localhost/ws"), "--tags: '@a and (' is not a Cucumber tag expression");
  }

  @Test
  void noJwtSecret() {
    says(usageError("check", "server", "ws://localhost:1/ws"), "LONGLINK_JWT_SECRET", "--jwt-secret SECRET");
  }

  @Test
  void aShortSecretNamesWhereItCameFrom() {
    says(usageError("check", "server", "ws://localhost:1/ws", "--jwt-secret", "short"), "--jwt-secret: the JWT secret is 5 bytes");
    says(usageError(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", "short")), "check", "server", "ws://localhost:1/ws"),
        "LONGLINK_JWT_SECRET: the JWT secret is 5 bytes");
  }

  @Test
  void malformedHeaders() {
    says(usageError("check", "server", "ws://localhost:1/ws", "--jwt-secret", Cli.SECRET, "--header", "X-Api-Key"),
        "--header 'X-Api-Key': expected NAME=VALUE", "--header X-Api-Key=abc123");
    says(usageError("check", "server", "ws://localhost:1/ws", "--jwt-secret", Cli.SECRET, "--header", "Sec-WebSocket-Protocol=x"),
        "the kit sets this header itself");
  }

  @Test
  void missingCaFile() {
    says(usageError("check", "server", "wss://localhost:1/ws", "--jwt-secret", Cli.SECRET, "--ca-file", "/no/such/ca.pem"),
        "--ca-file /no/such/ca.pem: no readable file there");
  }

  @Test
  void anUnreachableServerExitsTwoNamingTheUrlAndWhy() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "ws://127.0.0.1:" + port + "/ws";
    Result result = Cli.run(Cli.packaged(Map.of("LONGLINK_JWT_SECRET", Cli.SECRET)), "check", "server", url);
    assertEquals(2, result.exit(), result::toString);
    assertAll(
        () -> assertTrue(result.err().contains("cannot reach " + url + ": connection refused"), result::toString),
        () -> assertTrue(result.err().contains("nothing was checked"), result::toString));
  }

  @Test
  void anUnknownSideListsTheSides() {
    says(usageError("rules", "--side", "middle"), "'--side'", "[SERVER, CLIENT]");
  }
}
