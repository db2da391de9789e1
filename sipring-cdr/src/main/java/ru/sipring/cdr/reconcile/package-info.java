/**
 * CDR reconciliation: dialled call attempts of the outbound module get their answered seconds, disposition and
 * recording from Asterisk's {@code cdr} table, continuously and as a catch-up over a period.
 */
@NullMarked
package ru.sipring.cdr.reconcile;

import org.jspecify.annotations.NullMarked;
