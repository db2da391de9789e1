/**
 * Outbound reports: calls, outcomes and operators' work of an assignment over a period, computed from the
 * stored call attempts and work sessions.
 */
@NullMarked
package ru.sipring.campaign.report;

import org.jspecify.annotations.NullMarked;
