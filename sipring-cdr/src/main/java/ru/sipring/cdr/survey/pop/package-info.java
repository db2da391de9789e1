/**
 * The screen-pop survey links of {@code ru.sipring.survey.pop} on MariaDB/MySQL and the embedded H2 (table
 * {@code sipring_survey_pop}, migration V230).
 */
@NullMarked
package ru.sipring.cdr.survey.pop;

import org.jspecify.annotations.NullMarked;
