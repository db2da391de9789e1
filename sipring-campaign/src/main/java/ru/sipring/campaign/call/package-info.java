/**
 * Click-to-call from the operator's work form: one operation that originates the call through the PBX, opens the
 * call attempt and records its outcome when the call ends, by the PBX's report and by the operator's choice.
 */
@NullMarked
package ru.sipring.campaign.call;

import org.jspecify.annotations.NullMarked;
