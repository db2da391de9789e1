/**
 * Outside text made safe for where it goes: spreadsheet cells (formula-neutralised CSV), terminals and log
 * lines (control characters shown escaped), protocol header values (CR, LF, NUL refused), and phone numbers
 * normalised one way for every module. DESIGN.md §3: one shared function per destination, used by every
 * writer, so a guard is fixed in one place. Every type here is immutable and thread-safe.
 */
@NullMarked
package ru.sipring.core.text;

import org.jspecify.annotations.NullMarked;
