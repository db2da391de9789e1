/**
 * The stored rate tables of {@code ru.sipring.campaign.tariff} on MariaDB/MySQL and the embedded H2 (tables
 * {@code sipring_campaign_rate_version} and {@code sipring_campaign_rate}, migration V130).
 */
@NullMarked
package ru.sipring.cdr.campaign.tariff;

import org.jspecify.annotations.NullMarked;
