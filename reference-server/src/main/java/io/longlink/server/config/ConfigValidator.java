package io.longlink.server.config;

import io.longlink.protocol.ParameterCheck;
import io.longlink.protocol.SessionParameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Checks a whole configuration and reports every problem in the operator's terms: flag, value, what is allowed. */
final class ConfigValidator {

  private static final int MIN_SECRET_BYTES = 32;
  private static final int MAX_UNAUTHENTICATED = 1_000_000;
  private static final long MAX_BYTES = 1L << 40;

  private ConfigValidator() {}

  static void validate(ServerConfig.Builder b) {
    List<String> problems = new ArrayList<>();
    if (b.port() < 0 || b.port() > 65_535) {
      problems.add("--port is " + b.port() + "; use 0-65535 (0 picks a free port)");
    }
    if (b.host() == null || b.host().isBlank()) {
      problems.add("--host is empty; give an address to listen on, e.g. 0.0.0.0 or 127.0.0.1");
    }
    if (b.path() == null || !b.path().startsWith("/")) {
      problems.add("--path is '" + b.path() + "'; it has to start with /, e.g. /ws");
    }
    if (b.jwtSecret().length < MIN_SECRET_BYTES) {
      problems.add("the JWT secret is " + b.jwtSecret().length + " bytes; HS256 needs at least " + MIN_SECRET_BYTES
          + ": set the environment variable LONGLINK_JWT_SECRET");
    }
    if (b.signingSecret() != null && b.signingSecret().length < MIN_SECRET_BYTES) {
      problems.add("the signing secret is " + b.signingSecret().length + " bytes; use at least " + MIN_SECRET_BYTES
          + " in LONGLINK_SIGNING_SECRET, or unset it to turn signing off");
    }
    if (b.keystore() != null && !Files.isReadable(b.keystore())) {
      problems.add("--keystore " + b.keystore() + " cannot be read; give a readable PKCS12 file");
    }
    if (b.keystore() != null && b.keystorePassword() == null) {
      problems.add("--keystore needs a password: set LONGLINK_KEYSTORE_PASSWORD");
    }
    session(b, problems);
    if (b.maxOutboundFrames() < 16 || b.maxOutboundFrames() > 1_000_000) {
      problems.add("--max-outbound-frames is " + b.maxOutboundFrames() + "; use 16-1000000");
    }
    long maxPending = b.session().get(SessionParameter.MAX_PENDING).longValue();
    if (b.maxTotalPending() < maxPending) {
      problems.add("--max-total-pending is " + b.maxTotalPending() + "; it has to be at least --max-pending ("
          + maxPending + ")");
    }
    bytes(b, problems);
    if (b.maxDedupEntries() < 1_000 || b.maxDedupEntries() > 1_000_000_000) {
      problems.add("--max-dedup-entries is " + b.maxDedupEntries() + "; use 1000-1000000000");
    }
    if (b.retryAfterMs() < 0 || b.retryAfterMs() > 3_600_000) {
      problems.add("--retry-after-ms is " + b.retryAfterMs() + "; use 0-3600000");
    }
    unauthenticated(b, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static void unauthenticated(ServerConfig.Builder b, List<String> problems) {
    int total = b.maxUnauthenticated();
    boolean totalValid = total >= 1 && total <= MAX_UNAUTHENTICATED;
    if (!totalValid) {
      problems.add("--max-unauthenticated is " + total + "; use 1-" + MAX_UNAUTHENTICATED + ", and keep it well below the "
          + "server's file-descriptor limit (ulimit -n)");
    }
    int perAddress = b.maxUnauthenticatedPerAddress();
    int upper = totalValid ? total : MAX_UNAUTHENTICATED;
    if (perAddress < 1 || perAddress > upper) {
      problems.add("--max-unauthenticated-per-address is " + perAddress + "; use 1-" + upper
          + (totalValid ? " (at most --max-unauthenticated)" : ""));
    }
  }

  private static void bytes(ServerConfig.Builder b, List<String> problems) {
    ByteBounds bounds = ByteBounds.resolve(b);
    long perUser = b.session().get(SessionParameter.MAX_PENDING_BYTES).longValue();
    long maxMessage = b.session().get(SessionParameter.MAX_MESSAGE_BYTES).longValue();
    if (bounds.maxOutboundBytes() < perUser + 2 * maxMessage || bounds.maxOutboundBytes() > MAX_BYTES) {
      problems.add("--max-outbound-bytes is " + bounds.maxOutboundBytes() + "; use " + (perUser + 2 * maxMessage) + "-"
          + MAX_BYTES + ": at least --max-pending-bytes (" + perUser + ") plus twice --max-message-bytes (" + maxMessage
          + "), so that a session's whole backlog and a largest message fit in its queue");
    }
    if (bounds.maxTotalPendingBytes() < perUser || bounds.maxTotalPendingBytes() > MAX_BYTES) {
      problems.add("--max-total-pending-bytes is " + bounds.maxTotalPendingBytes() + "; use " + perUser + "-" + MAX_BYTES
          + ": at least --max-pending-bytes (" + perUser + ")");
    }
    if (bounds.maxPendingBytesPerSender() < perUser || bounds.maxPendingBytesPerSender() > bounds.maxTotalPendingBytes()) {
      problems.add("--max-pending-bytes-per-sender is " + bounds.maxPendingBytesPerSender() + "; use " + perUser + "-"
          + bounds.maxTotalPendingBytes() + ": at least --max-pending-bytes (" + perUser + "), at most --max-total-pending-bytes");
    }
    if (bounds.maxTotalOutboundBytes() < bounds.maxOutboundBytes() || bounds.maxTotalOutboundBytes() > MAX_BYTES) {
      problems.add("--max-total-outbound-bytes is " + bounds.maxTotalOutboundBytes() + "; use " + bounds.maxOutboundBytes()
          + "-" + MAX_BYTES + ": at least --max-outbound-bytes (" + bounds.maxOutboundBytes() + ")");
    }
  }

  /** LL-PAR-1: every parameter auth_ok advertises in its range and consistent with the others, before the server starts. */
  private static void session(ServerConfig.Builder b, List<String> problems) {
    for (SessionParameter p : SessionParameter.values()) {
      double value = b.session().get(p).doubleValue();
      if (!p.allows(value)) {
        problems.add(Flags.of(p) + " is " + format(value) + "; use " + p.rangeText() + " (" + p.path() + ", PROTOCOL.md §6)");
      }
    }
    // LL-PAR-1: the relations, as the kit checks them in auth_ok, named by their flags.
    problems.addAll(ParameterCheck.relations(b.session()::get, b.signingSecret() != null, Flags::of));
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
