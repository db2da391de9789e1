package ru.sipring.core.report.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as a person sees it (text and HTML share these): a title, column headers with their alignment, and
 * rows of display strings. A table whose headers are all empty is a label/value panel.
 */
final class DisplayTable {
  final String title;
  final List<String> headers = new ArrayList<>();
  final List<Boolean> rightAligned = new ArrayList<>();
  final List<List<String>> rows = new ArrayList<>();
  /** Rows that total the table (shown apart, bold in HTML). */
  final List<List<String>> footer = new ArrayList<>();

  DisplayTable(String title) {
    this.title = title;
  }

  DisplayTable left(String header) {
    headers.add(header);
    rightAligned.add(false);
    return this;
  }

  DisplayTable right(String header) {
    headers.add(header);
    rightAligned.add(true);
    return this;
  }

  DisplayTable row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  DisplayTable footerRow(String... cells) {
    footer.add(List.of(cells));
    return this;
  }

  boolean isPanel() {
    return headers.stream().allMatch(String::isEmpty);
  }
}
