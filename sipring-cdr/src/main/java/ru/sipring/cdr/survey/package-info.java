/**
 * The survey module's stores (scenarios, answers, queue assignments) on a database through Jdbi.
 */
@NullMarked
package ru.sipring.cdr.survey;

import org.jspecify.annotations.NullMarked;
