/**
 * Renderers of the inbound report: the guide's tables as terminal text ({@link TextReportRenderer}), one JSON
 * object ({@link JsonReportRenderer}), RFC 4180 CSV per section ({@link CsvReportRenderer}) and one printable
 * HTML page with inline SVG charts ({@link HtmlReportRenderer}). Core depends on no JSON or CSV library
 * (DESIGN.md §1), so the few lines of each format are written here. Every renderer is immutable and
 * thread-safe.
 */
@NullMarked
package ru.sipring.core.report.render;

import org.jspecify.annotations.NullMarked;
