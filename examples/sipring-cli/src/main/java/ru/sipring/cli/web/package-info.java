/** The CLI command that starts the web panel. */
@NullMarked
package ru.sipring.cli.web;

import org.jspecify.annotations.NullMarked;
