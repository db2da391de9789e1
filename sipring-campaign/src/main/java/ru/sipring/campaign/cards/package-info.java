/**
 * Client cards as the operator's work form and a CRM handle them: paged search by any field (custom fields
 * included) in a stable order, bulk status changes, deleting a card (the guide's «Удалить»), and the list of
 * clients not reached ("return to unanswered"). {@link ru.sipring.campaign.cards.ClientCardStore} is the SPI;
 * the in-memory store is here, the database one is {@code ru.sipring.cdr.campaign.cards.JdbiClientCards}.
 */
@NullMarked
package ru.sipring.campaign.cards;

import org.jspecify.annotations.NullMarked;
