/**
 * Outbound campaigns: the project/task/assignment hierarchy, client cards, call attempts, operators' work sessions,
 * do-not-call lists and the retry rules, with the repositories ({@link ru.sipring.campaign.CampaignStore}) that
 * store them and an in-memory store for tests and small installations.
 *
 * <p>Values are immutable records; repositories are thread-safe. Nothing here is null unless marked
 * {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package ru.sipring.campaign;

import org.jspecify.annotations.NullMarked;
