/** CLI commands over the Asterisk database: CDR, recordings, the operator registry, and their shared options. */
@NullMarked
package ru.sipring.cli.cdr;

import org.jspecify.annotations.NullMarked;
