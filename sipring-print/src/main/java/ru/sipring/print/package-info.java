/**
 * The guide's printouts as files: {@link ru.sipring.print.PdfPrintout} (PDFBox) and
 * {@link ru.sipring.print.XlsxPrintout} (Apache POI) lay out a {@link ru.sipring.core.report.render.Printout}
 * that core built, so the numbers and labels are the same as in every other format.
 */
@NullMarked
package ru.sipring.print;

import org.jspecify.annotations.NullMarked;
