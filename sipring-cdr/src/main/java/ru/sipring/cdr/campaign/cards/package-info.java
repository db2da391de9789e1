/**
 * The client-card operations of {@code ru.sipring.campaign.cards} on MariaDB/MySQL and the embedded H2, in the
 * {@code sipring_campaign_contact} table of {@code ru.sipring.cdr.campaign.JdbiCampaignStore}.
 */
@NullMarked
package ru.sipring.cdr.campaign.cards;

import org.jspecify.annotations.NullMarked;
