/**
 * SipRing's own plumbing for the outbound modules: not API, may change in any release. Applications use the
 * types of {@link ru.sipring.campaign} and its other subpackages instead.
 */
@NullMarked
package ru.sipring.campaign.internal;

import org.jspecify.annotations.NullMarked;
