/** The {@code sipring} command line (picocli): the root command and what every subcommand shares. Not API. */
@NullMarked
package ru.sipring.cli;

import org.jspecify.annotations.NullMarked;
