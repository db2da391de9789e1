/**
 * Survey responses taken on the screen pop, stored with the call (its uniqueid), the operator and the client card
 * the pop showed: {@link ru.sipring.survey.pop.PopSurveys} starts the run, {@link ru.sipring.survey.pop.PopResponseRepository}
 * keeps the link next to the response itself.
 */
@NullMarked
package ru.sipring.survey.pop;

import org.jspecify.annotations.NullMarked;
