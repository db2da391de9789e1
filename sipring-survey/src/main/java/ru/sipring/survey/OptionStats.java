package ru.sipring.survey;

/**
 * How often one option was chosen. Immutable.
 *
 * @param optionId the option's stable id
 * @param label its label (from the reference scenario, else as last asked)
 * @param count responses that chose it
 * @param percentOfRespondents {@code count / answered × 100}: for a multiple-choice question these add up to
 *     more than 100
 * @param percentOfMentions {@code count / all choices made × 100}: adds up to 100; equals the previous for
 *     a single-choice question
 */
public record OptionStats(String optionId, String label, long count, double percentOfRespondents,
                          double percentOfMentions) {}
