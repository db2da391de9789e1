/**
 * Client bases in CSV: encoding and delimiter detection, mapping columns to card fields, phone normalisation,
 * the duplicate check of an import, and the export of cards back to a spreadsheet-safe CSV.
 */
@NullMarked
package ru.sipring.campaign.csv;

import org.jspecify.annotations.NullMarked;
