package ru.sipring.print;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import ru.sipring.core.SipRingException;
import ru.sipring.core.report.render.Printout;
import ru.sipring.core.text.SpreadsheetCell;

/**
 * Writes a {@link Printout} as an Office Open XML workbook (.xlsx) with Apache POI: one sheet laid out like the
 * printed page (title, headings, tables with their «Итого» lines in bold). Figures are numbers, not text, so a
 * spreadsheet can sum them: counts as integers, durations as spreadsheet times ({@code [h]:mm:ss}, the value is
 * days as spreadsheets keep time; averages stay exact), percentages and money as decimals. Outside text is always
 * a string cell, never a formula; one that begins like a formula ({@code = + - @}, see
 * {@link SpreadsheetCell#startsFormula}) is also marked quote-prefixed, so editing the cell in a spreadsheet
 * program keeps it text. A table longer than a sheet's row limit continues on the next sheet.
 *
 * <p>Rows are streamed (POI's SXSSF keeps a small window in memory), so a printout of a very long answered-call
 * list does not have to fit in the heap twice. Immutable and thread-safe: every {@link #write} has its own
 * workbook.
 */
public final class XlsxPrintout {
  private static final double SECONDS_PER_DAY = 86_400;
  private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

  private XlsxPrintout() {}

  /**
   * The writer.
   *
   * @return the writer
   */
  public static XlsxPrintout of() {
    return new XlsxPrintout();
  }

  /**
   * Writes the printout as one workbook; does not close {@code out}.
   *
   * @param printout what to write
   * @param out where the .xlsx goes
   * @throws SipRingException when the output cannot be written (the IOException is the cause)
   */
  public void write(Printout printout, OutputStream out) {
    SXSSFWorkbook wb = new SXSSFWorkbook(200);
    try {
      new Sheets(wb, printout.title()).document(printout);
      wb.write(out);
    } catch (IOException e) {
      throw new SipRingException("cannot write the XLSX printout: " + e.getMessage(), e);
    } finally {
      // the streaming workbook keeps its rows in temporary files until disposed
      wb.dispose();
      try {
        wb.close();
      } catch (IOException e) {
        // nothing is left to flush: the workbook was written (or failed) above
      }
    }
  }

  /** Figures as seconds are written as days, the unit spreadsheets keep time in. */
  static double spreadsheetValue(Printout.Cell c) {
    Double n = c.number();
    if (n == null) {
      throw new IllegalArgumentException("not a figure");
    }
    return c.unit() == Printout.Cell.Unit.SECONDS ? n / SECONDS_PER_DAY : n;
  }

  /** The styles and the row cursor of one workbook. */
  private static final class Sheets {
    private final SXSSFWorkbook wb;
    private final String name;
    private final Map<Printout.Cell.Unit, CellStyle> plain = new EnumMap<>(Printout.Cell.Unit.class);
    private final Map<Printout.Cell.Unit, CellStyle> bold = new EnumMap<>(Printout.Cell.Unit.class);
    private final CellStyle quoted;
    private final CellStyle quotedBold;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle heading;
    private Sheet sheet;
    private int sheets = 1;
    private int next;
    private int widest;

    Sheets(SXSSFWorkbook wb, String title) {
      this.wb = wb;
      this.name = WorkbookUtil.createSafeSheetName(title.isBlank() ? "Report" : title);
      Font b = wb.createFont();
      b.setBold(true);
      for (Printout.Cell.Unit u : Printout.Cell.Unit.values()) {
        plain.put(u, style(u, null));
        bold.put(u, style(u, b));
      }
      this.quoted = wb.createCellStyle();
      quoted.setQuotePrefixed(true);
      this.quotedBold = wb.createCellStyle();
      quotedBold.setQuotePrefixed(true);
      quotedBold.setFont(b);
      this.header = wb.createCellStyle();
      header.setFont(b);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      this.title = wb.createCellStyle();
      this.title.setFont(big);
      Font mid = wb.createFont();
      mid.setBold(true);
      mid.setFontHeightInPoints((short) 12);
      this.heading = wb.createCellStyle();
      heading.setFont(mid);
      this.sheet = newSheet(name);
    }

    private CellStyle style(Printout.Cell.Unit u, org.apache.poi.ss.usermodel.@org.jspecify.annotations.Nullable Font f) {
      CellStyle s = wb.createCellStyle();
      if (f != null) {
        s.setFont(f);
      }
      String format = switch (u) {
        case NONE -> null;
        case COUNT -> "0";
        case SECONDS -> "[h]:mm:ss";
        case MINUTES, MONEY -> "0.00";
        case PERCENT -> "0";
      };
      if (format != null) {
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        s.setAlignment(HorizontalAlignment.RIGHT);
      }
      return s;
    }

    private Sheet newSheet(String n) {
      SXSSFSheet s = wb.createSheet(n);
      s.trackAllColumnsForAutoSizing();
      return s;
    }

    private Row row() {
      if (next >= MAX_ROWS) {
        finish();
        sheets++;
        String suffix = " (" + sheets + ")";
        String base = name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length()) : name;
        sheet = newSheet(base + suffix);
        next = 0;
      }
      return sheet.createRow(next++);
    }

    private void finish() {
      for (int i = 0; i < widest; i++) {
        sheet.autoSizeColumn(i);
        // a long name must not make a column a screen wide; 60 characters at most
        sheet.setColumnWidth(i, Math.min(sheet.getColumnWidth(i) + 512, 60 * 256));
      }
    }

    void document(Printout p) {
      text(row(), 0, p.title(), title);
      for (String s : p.subtitle()) {
        text(row(), 0, s, null);
      }
      next++;
      for (Printout.Block b : p.blocks()) {
        if (b instanceof Printout.Heading h) {
          if (h.level() == 1) {
            next++;
          }
          text(row(), 0, h.text(), heading);
        } else if (b instanceof Printout.Table t) {
          table(t);
          next++;
        }
      }
      finish();
    }

    private void table(Printout.Table t) {
      widest = Math.max(widest, t.columns().size());
      if (!t.isPanel()) {
        Row r = row();
        for (int i = 0; i < t.columns().size(); i++) {
          text(r, i, t.columns().get(i).header(), header);
        }
      }
      for (List<Printout.Cell> cells : t.rows()) {
        line(cells, false);
      }
      for (List<Printout.Cell> cells : t.totals()) {
        line(cells, true);
      }
    }

    private void line(List<Printout.Cell> cells, boolean strong) {
      Row r = row();
      for (int i = 0; i < cells.size(); i++) {
        Printout.Cell c = cells.get(i);
        if (c.number() != null) {
          Cell x = r.createCell(i);
          x.setCellValue(spreadsheetValue(c));
          x.setCellStyle((strong ? bold : plain).get(c.unit()));
        } else if (!c.text().isEmpty()) {
          text(r, i, c.text(), strong ? bold.get(Printout.Cell.Unit.NONE) : null, strong);
        }
      }
    }

    private void text(Row r, int column, String s, @org.jspecify.annotations.Nullable CellStyle style) {
      text(r, column, s, style, style != null && style != quoted);
    }

    /** A string cell (never a formula); quote-prefixed when it would read as one once edited. */
    private void text(Row r, int column, String s, @org.jspecify.annotations.Nullable CellStyle style,
        boolean strong) {
      Cell x = r.createCell(column);
      x.setCellValue(s);
      if (SpreadsheetCell.startsFormula(s)) {
        x.setCellStyle(strong ? quotedBold : quoted);
      } else if (style != null) {
        x.setCellStyle(style);
      }
    }
  }
}
