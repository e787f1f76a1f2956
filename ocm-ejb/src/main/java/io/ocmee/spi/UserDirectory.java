package io.ocmee.spi;

import java.util.Optional;

/**
 * The host's directory of local users. Implementations must be thread-safe.
 *
 * <p>The default implementation knows every authenticated caller by name only; a host EFSS supplies
 * its own through a CDI {@code @Alternative @Priority(...)} bean.
 */
public interface UserDirectory {

    /**
     * @param name a login name
     * @return the user, or empty if the directory has no such user
     */
    Optional<LocalUser> find(String name);
}
