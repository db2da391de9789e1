/** CLI commands for outbound campaigns: the hierarchy, work sessions, the dialer and billing. */
@NullMarked
package ru.sipring.cli.campaign;

import org.jspecify.annotations.NullMarked;
