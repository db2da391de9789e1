/**
 * Call rating: tariffs by number prefix with validity periods, their CSV form, and the cost of a call rounded
 * once, the way the operator bills it.
 */
@NullMarked
package ru.sipring.campaign.billing;

import org.jspecify.annotations.NullMarked;
