/** The CLI screen-pop command: shows an operator the caller's card when a call is offered. */
@NullMarked
package ru.sipring.cli.screenpop;

import org.jspecify.annotations.NullMarked;
