package io.ocmee.spi;

import java.util.List;
import java.util.Optional;

/**
 * The host's directory of local users: who they are, their display names and e-mail addresses,
 * their groups and the groups' members. Implementations must be thread-safe.
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

    /**
     * @return every local user the directory can list, ordered by name; empty if it cannot list
     *     (the default)
     */
    default List<LocalUser> users() {
        return List.of();
    }

    /**
     * @param name a login name
     * @return the names of the groups the user belongs to; empty by default
     */
    default List<String> groups(String name) {
        return List.of();
    }

    /**
     * @param group a group name
     * @return the group's members, ordered by name; empty for an unknown group (the default)
     */
    default List<LocalUser> members(String group) {
        return List.of();
    }
}
