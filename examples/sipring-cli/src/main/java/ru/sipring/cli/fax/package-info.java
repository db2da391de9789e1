/** CLI commands for the HylaFAX server: status, send, list, fetch, job control, contacts and dispatch. */
@NullMarked
package ru.sipring.cli.fax;

import org.jspecify.annotations.NullMarked;
