/**
 * The outbound campaign store on a database (MariaDB/MySQL or the embedded H2) through Jdbi.
 */
@NullMarked
package ru.sipring.cdr.campaign;

import org.jspecify.annotations.NullMarked;
