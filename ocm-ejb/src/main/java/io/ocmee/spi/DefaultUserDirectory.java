package io.ocmee.spi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/**
 * The fallback directory of the embedded default: any non-blank name is a user, its display name is
 * the name with a capital initial and it has no e-mail address. Users themselves live in the
 * container's realm (the demo users of {@code OCM_DEMO_USERS}).
 */
@ApplicationScoped
public class DefaultUserDirectory implements UserDirectory {

    @Override
    public Optional<LocalUser> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String display = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return Optional.of(new LocalUser(name, display, Optional.empty()));
    }
}
