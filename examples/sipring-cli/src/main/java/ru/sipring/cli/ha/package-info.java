/** The CLI command for the HA cluster: status, health and control of a pacemaker cluster. */
@NullMarked
package ru.sipring.cli.ha;

import org.jspecify.annotations.NullMarked;
