package io.longlink.server.metrics;

import java.util.Map;

/** Writes the Prometheus text exposition format (version 0.0.4). */
final class PrometheusText {

  private final StringBuilder out = new StringBuilder();

  void counter(String name, String help, long value) {
    header(name, "counter", help);
    out.append(name).append(' ').append(value).append('\n');
  }

  void gauge(String name, String help, long value) {
    header(name, "gauge", help);
    out.append(name).append(' ').append(value).append('\n');
  }

  void labelled(String name, String type, String help, String label, Map<String, Long> values) {
    header(name, type, help);
    values.forEach((k, v) -> out.append(name).append('{').append(label).append("=\"").append(escape(k)).append("\"} ")
        .append(v).append('\n'));
  }

  private void header(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
