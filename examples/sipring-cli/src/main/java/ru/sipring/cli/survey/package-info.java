/** CLI commands for surveys: scenarios, publishing, runs and the survey report. */
@NullMarked
package ru.sipring.cli.survey;

import org.jspecify.annotations.NullMarked;
