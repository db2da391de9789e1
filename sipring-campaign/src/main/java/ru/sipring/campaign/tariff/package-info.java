/**
 * Rate tables kept in a store instead of files: named tables with numbered versions, each in force from its own
 * date, imported from the CSV, A2Billing and ASTPP files {@link ru.sipring.campaign.billing.TariffCsv} reads, and
 * turned into the {@link ru.sipring.campaign.billing.TariffTable} that billing and the outbound reports rate with.
 */
@NullMarked
package ru.sipring.campaign.tariff;

import org.jspecify.annotations.NullMarked;
