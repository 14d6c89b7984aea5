package io.branchsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rows a benchmark run produced, rendered as a Markdown table. */
public final class ResultTable {
  private final List<ResultRow> rows = new ArrayList<>();
  private final Map<String, Map<String, Double>> profiles = new LinkedHashMap<>();

  public synchronized void add(ResultRow row) {
    rows.add(row);
  }

  public synchronized List<ResultRow> rows() {
    return List.copyOf(rows);
  }

  /** Adds a breakdown of one run into timed steps, printed after the table. */
  public synchronized void addProfile(String title, Map<String, Double> millisPerStep) {
    profiles.put(title, new LinkedHashMap<>(millisPerStep));
  }

  public synchronized Map<String, Map<String, Double>> profiles() {
    return new LinkedHashMap<>(profiles);
  }

  /** The breakdowns as Markdown tables, one per title. */
  public String profilesToMarkdown() {
    StringBuilder out = new StringBuilder();
    profiles()
        .forEach(
            (title, steps) -> {
              out.append("\n").append(title).append(":\n\n| step | ms |\n| --- | ---: |\n");
              steps.forEach(
                  (step, ms) ->
                      out.append("| ")
                          .append(cell(step))
                          .append(" | ")
                          .append(number(ms))
                          .append(" |\n"));
            });
    return out.toString();
  }

  /** A GitHub-flavoured Markdown table, one line per row. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| measurement | unit | median | min | max | runs | peer | peer median | ratio"
            + " | target | met? |\n");
    out.append("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- |\n");
    for (ResultRow row : rows()) {
      Samples ours = row.ours();
      Double ratio = row.ratio();
      Boolean met = row.met();
      out.append("| ")
          .append(cell(row.name()))
          .append(" | ")
          .append(row.unit())
          .append(" | ")
          .append(number(ours.median()))
          .append(" | ")
          .append(number(ours.min()))
          .append(" | ")
          .append(number(ours.max()))
          .append(" | ")
          .append(ours.size())
          .append(" | ")
          .append(row.peer() == null ? "—" : cell(row.peerName()))
          .append(" | ")
          .append(row.peer() == null ? "—" : number(row.peer().median()))
          .append(" | ")
          .append(ratio == null ? "—" : String.format(Locale.ROOT, "%.2f", ratio))
          .append(" | ")
          .append(row.target().text())
          .append(" | ")
          .append(met == null ? "—" : met ? "met" : "**missed**")
          .append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** Three significant figures or so, with thousands separated: 0.123, 12.3, 123, 12,345. */
  static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
