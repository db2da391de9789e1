/**
 * Call-centre surveys (guide §9): a {@link ru.sipring.survey.Scenario} is a graph of questions with branching,
 * checked by {@link ru.sipring.survey.ScenarioValidator}, published as immutable versions and assigned to
 * queues through {@link ru.sipring.survey.SurveyService}; a {@link ru.sipring.survey.SurveyRun} walks one call
 * through it, {@link ru.sipring.survey.SurveyAnalyser} summarises stored responses, and the screen pop
 * ({@link ru.sipring.survey.ScreenPops}) shows an operator the caller's card. Answers are outside text: every
 * writer here escapes them for where they go. Each type states its own thread-safety.
 */
@NullMarked
package ru.sipring.survey;

import org.jspecify.annotations.NullMarked;
