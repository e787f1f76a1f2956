package io.ocmee.spi;

import java.util.Optional;

/**
 * A user of the host EFSS as the module needs to know it.
 *
 * @param name the login name, as the container's caller principal names it; the identifier part of
 *     the user's OCM address
 * @param displayName a human name to show to peers
 * @param email an e-mail address, if the directory has one
 */
public record LocalUser(String name, String displayName, Optional<String> email) {}
