package ru.sipring.ha;

/**
 * A negative location constraint that keeps a resource off a node ({@code cli-ban-<rsc>-on-<node>} from
 * {@code pcs resource ban}, or any -INFINITY rule crm_mon lists under {@code <bans>}). Immutable; thread-safe.
 *
 * @param id constraint id
 * @param resource resource id
 * @param node node name
 * @param weight constraint score (-1000000 = -INFINITY)
 * @param promotedOnly applies to the promoted role only
 */
public record Ban(String id, String resource, String node, int weight, boolean promotedOnly) {}
