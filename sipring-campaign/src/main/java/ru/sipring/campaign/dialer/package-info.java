/**
 * The automatic dialer: picks the clients that are due, originates the calls through the PBX and keeps the
 * pace (fixed lines or a predictive ratio) within the allowed abandon rate.
 */
@NullMarked
package ru.sipring.campaign.dialer;

import org.jspecify.annotations.NullMarked;
