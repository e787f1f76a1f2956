package io.ocmee.wayf;

/**
 * A server the WAYF page offers to pick.
 *
 * @param authority {@code host[:port]}, what the page submits
 * @param name the name to show (its {@code provider} branding name or a directory's {@code
 *     displayName}; untrusted text, escape it)
 */
public record WayfServer(String authority, String name) {}
