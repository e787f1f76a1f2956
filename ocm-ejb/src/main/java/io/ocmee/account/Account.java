package io.ocmee.account;

/**
 * A local user with the OCM address peers know them by.
 *
 * @param user the login name (the caller principal's name)
 * @param address the OCM address, {@code user@host[:port]} of the public URL (OCM-NOTES §2.1)
 * @param displayName the name shown to peers
 */
public record Account(String user, String address, String displayName) {}
