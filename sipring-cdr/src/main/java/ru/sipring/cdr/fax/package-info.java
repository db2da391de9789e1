/**
 * The fax module's stores (users, lines, received faxes, contacts) on a database through Jdbi.
 */
@NullMarked
package ru.sipring.cdr.fax;

import org.jspecify.annotations.NullMarked;
