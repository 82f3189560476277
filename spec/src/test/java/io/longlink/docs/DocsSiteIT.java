package io.longlink.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longlink.protocol.CloseCode;
import io.longlink.protocol.ErrorCode;
import io.longlink.rules.Rule;
import io.longlink.rules.RuleCatalog;
import io.longlink.schema.MessageCatalog;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered docs site (spec/target/docs, built by spec/docs/build-site.mjs in the package
 * phase) as a browser shows it: each page is opened in headless Chromium and its DOM read after
 * the page's scripts ran ({@code --dump-dom}). Every message of asyncapi.yaml, with its examples
 * and its payload schema's title, must be on the AsyncAPI page; every rule ID of PROTOCOL.md must be
 * an anchor of the protocol page; the close-code and error-code tables must list every code. No
 * page may load anything from the network, or throw.
 *
 * <p>Chromium is a build requirement, as Node is: without it this test fails and says how to
 * install it (.ci/run does), since a check that skips itself where the browser is missing is a
 * check nobody notices is gone. {@code -Dlonglink.chromium=PATH} names a browser not on the PATH.
 */
class DocsSiteIT {

  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final Pattern CONSOLE_PROBLEM = Pattern.compile(
      "CONSOLE.*(Uncaught|Failed to load resource|Refused to|net::ERR_).*");
  private static final Pattern EXTERNAL_RESOURCE = Pattern.compile(
      "<(script|link|img|iframe|source|video|audio|object|embed)\\b[^>]*\\b(src|href|data)=\"(https?:)?//[^\"]*\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_EXTERNAL = Pattern.compile("(url\\(\\s*['\"]?|@import\\s+['\"])(https?:)?//", Pattern.CASE_INSENSITIVE);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path site;
  private static Path profile;
  private static final Map<String, String> doms = new TreeMap<>();
  private static final Map<String, List<String>> consoleProblems = new TreeMap<>();

  @BeforeAll
  static void openEveryPage() throws Exception {
    site = Path.of(System.getProperty("longlink.docs.dir", "target/docs")).toAbsolutePath();
    if (!Files.isRegularFile(site.resolve("index.html"))) {
      fail("the docs site is missing: no " + site.resolve("index.html")
          + " (mvn -pl spec package renders it with spec/docs/build-site.mjs)");
    }
    String browser = chromium().orElseGet(() -> fail(
        "Chromium is not installed (looked for -Dlonglink.chromium and " + String.join(", ", BROWSERS) + " on the PATH): "
            + "DocsSiteIT opens the rendered docs in headless Chromium. Install it "
            + "(Debian: apt-get install chromium; .ci/run does) or give its path with -Dlonglink.chromium=PATH."));
    profile = Files.createTempDirectory("docs-site-chromium");
    for (String page : List.of("index.html", "asyncapi/index.html", "protocol.html", "driver.html")) {
      dumpDom(browser, page);
    }
  }

  @AfterAll
  static void removeProfile() throws IOException {
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void everyMessageIsOnTheAsyncApiPageWithItsSchemaAndExamples() {
    String dom = doms.get("asyncapi/index.html");
    String text = text(dom);
    String compact = text.replaceAll("\\s+", "");
    JsonNode messages = MessageCatalog.asyncApiDocument().path("components").path("messages");
    List<String> missing = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    messages.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      JsonNode message = messages.path(key);
      Optional<String> section = messageSection(dom, key, keys);
      if (section.isEmpty()) {
        missing.add("message " + key + ": no element id=\"message-" + key + "\"");
        continue;
      }
      String sectionText = text(section.get());
      String title = message.path("title").asText();
      if (!sectionText.contains(title)) {
        missing.add("message " + key + ": its title \"" + title + "\" is not in its section");
      }
      String schemaTitle = schemaTitle(message.path("payload").path("$ref").asText());
      if (!sectionText.contains(schemaTitle)) {
        missing.add("message " + key + ": its payload schema's title \"" + schemaTitle + "\" is not in its section");
      }
      for (JsonNode example : message.path("examples")) {
        String name = example.path("name").asText();
        if (!text.contains("Example - " + name)) {
          missing.add("message " + key + ": example \"" + name + "\" is not shown");
        }
        // As the page prints it (JSON.stringify): 2.0 is 2.
        String payload = example.path("payload").toString().replaceAll("\\s+", "")
            .replaceAll("(?<=[:\\[,])(-?[0-9]+)\\.0(?=[,}\\]])", "$1");
        if (!compact.contains(payload)) {
          missing.add("message " + key + ": the payload of example \"" + name + "\" is not shown: " + example.path("payload"));
        }
      }
    }
    assertNothingMissing("asyncapi/index.html", missing);
  }

  @Test
  void theIndexLinksToEveryMessage() {
    String dom = doms.get("index.html");
    List<String> missing = new ArrayList<>();
    MessageCatalog.asyncApiDocument().path("components").path("messages").fieldNames().forEachRemaining(key -> {
      if (!dom.contains("href=\"asyncapi/index.html#message-" + key + "\"")) {
        missing.add("no link to message " + key + " (asyncapi/index.html#message-" + key + ")");
      }
    });
    for (String page : List.of("asyncapi/index.html", "protocol.html", "driver.html", "protocol.html#16-close-codes")) {
      if (!dom.contains("href=\"" + page + "\"")) {
        missing.add("no link to " + page);
      }
    }
    assertNothingMissing("index.html", missing);
  }

  @Test
  void everyRuleIdIsAnAnchorOfTheProtocolPage() {
    String dom = doms.get("protocol.html");
    List<String> missing = new ArrayList<>();
    String pageText = text(dom);
    List<Rule> rules = RuleCatalog.load().all();
    assertTrue(rules.size() > 100, "RuleCatalog read only " + rules.size() + " rules");
    for (Rule rule : rules) {
      Matcher anchor = Pattern.compile("<([a-z]+) [^>]*\\bid=\"" + Pattern.quote(rule.id()) + "\"[^>]*>(.*?)</\\1>").matcher(dom);
      if (!anchor.find()) {
        missing.add(rule.id() + ": no element with id=\"" + rule.id() + "\"");
      } else if (!text(anchor.group(2)).equals("[" + rule.id() + "]")) {
        missing.add(rule.id() + ": the element with its id shows \"" + text(anchor.group(2)) + "\", not [" + rule.id() + "]");
      }
      String title = rule.title().replace("`", "");
      if (!pageText.contains(title)) {
        missing.add(rule.id() + ": its title \"" + title + "\" is not on the page");
      }
    }
    assertNothingMissing("protocol.html", missing);
  }

  @Test
  void theCloseCodeAndErrorCodeTablesListEveryCode() {
    String dom = doms.get("protocol.html");
    List<String> missing = new ArrayList<>();
    String closeTable = table(dom, "16-close-codes");
    for (CloseCode code : CloseCode.values()) {
      if (!closeTable.contains("<td>" + code.code() + "</td>") || !closeTable.contains("<td>" + code.wireName() + "</td>")) {
        missing.add("close code " + code.code() + " " + code.wireName() + " is not a row of the table of §16");
      }
    }
    String errorTable = table(dom, "17-error-codes");
    for (ErrorCode code : ErrorCode.values()) {
      if (!errorTable.contains("<td><code>" + code.wireValue() + "</code></td>")) {
        missing.add("error code " + code.wireValue() + " is not a row of the table of §17");
      }
    }
    assertNothingMissing("protocol.html", missing);
  }

  @Test
  void noPageLoadsAnythingFromTheNetworkOrThrows() {
    List<String> problems = new ArrayList<>();
    doms.forEach((page, dom) -> {
      Matcher external = EXTERNAL_RESOURCE.matcher(dom);
      while (external.find()) {
        problems.add(page + " loads " + external.group());
      }
      Matcher css = CSS_EXTERNAL.matcher(dom);
      while (css.find()) {
        problems.add(page + " has a style that loads " + dom.substring(css.start(), Math.min(dom.length(), css.end() + 60)));
      }
    });
    consoleProblems.forEach((page, lines) -> lines.forEach(line -> problems.add(page + ": " + line)));
    try {
      String css = Files.readString(site.resolve("site.css"));
      if (CSS_EXTERNAL.matcher(css).find()) {
        problems.add("site.css loads something from the network");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertNothingMissing("the site", problems);
  }

  // ---- helpers

  private static Optional<String> chromium() {
    String given = System.getProperty("longlink.chromium", "");
    if (!given.isBlank()) {
      return Optional.of(given);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : BROWSERS) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static void dumpDom(String browser, String page) throws Exception {
    Path stderr = Files.createTempFile(profile, "stderr", ".log");
    Process process = new ProcessBuilder(browser,
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--user-data-dir=" + profile.resolve("profile"), "--enable-logging=stderr",
        "--virtual-time-budget=10000", "--dump-dom", site.resolve(page).toUri().toString())
        .redirectError(stderr.toFile())
        .start();
    process.getOutputStream().close();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(browser + " did not finish rendering " + page + " within 90 s");
    }
    String dom = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || dom.isBlank()) {
      fail(browser + " could not render " + page + " (exit " + process.exitValue() + "):\n" + Files.readString(stderr));
    }
    doms.put(page, dom);
    consoleProblems.put(page, Files.readAllLines(stderr).stream().filter(l -> CONSOLE_PROBLEM.matcher(l).matches()).toList());
  }

  /** The HTML of message {@code key}'s section of the AsyncAPI page: from its element to the next message's. */
  private static Optional<String> messageSection(String dom, String key, List<String> keys) {
    int start = dom.indexOf("id=\"message-" + key + "\"");
    if (start < 0) {
      return Optional.empty();
    }
    int end = dom.length();
    for (String other : keys) {
      int at = dom.indexOf("id=\"message-" + other + "\"", start + 1);
      if (!other.equals(key) && at > start && at < end) {
        end = at;
      }
    }
    return Optional.of(dom.substring(start, end));
  }

  /** The HTML of the first table after the heading with this id. */
  private static String table(String dom, String headingId) {
    int heading = dom.indexOf("id=\"" + headingId + "\"");
    int start = heading < 0 ? -1 : dom.indexOf("<table", heading);
    int end = start < 0 ? -1 : dom.indexOf("</table>", start);
    if (end < 0) {
      fail("protocol.html has no table after the heading #" + headingId);
    }
    return dom.substring(start, end);
  }

  private static String schemaTitle(String ref) {
    String file = ref.replaceFirst("^\\./", "");
    try (InputStream in = MessageCatalog.resource(file)) {
      return JSON.readTree(in).path("title").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a reader sees of some HTML: scripts and styles dropped, tags removed, entities decoded. */
  private static String text(String html) {
    return html.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ")
        .replaceAll("<[^>]*>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", " ").replace("&amp;", "&");
  }

  private static void assertNothingMissing(String page, List<String> missing) {
    if (!missing.isEmpty()) {
      fail(missing.size() + " problem(s) in the rendered " + page + " (" + site + "):\n  " + String.join("\n  ", missing));
    }
  }
}
