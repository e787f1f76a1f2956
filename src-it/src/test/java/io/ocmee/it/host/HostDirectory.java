package io.ocmee.it.host;

import io.ocmee.spi.LocalUser;
import io.ocmee.spi.UserDirectory;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Optional;

/** A host's directory: two users with e-mail addresses, one group. */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
public class HostDirectory implements UserDirectory {

    private static final List<LocalUser> USERS =
            List.of(
                    new LocalUser("alice", "Alice Host", Optional.of("alice@host.example")),
                    new LocalUser("dora", "Dora Host", Optional.of("dora@host.example")));

    @Override
    public Optional<LocalUser> find(String name) {
        return USERS.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    @Override
    public List<LocalUser> users() {
        return USERS;
    }

    @Override
    public List<String> groups(String name) {
        return "dora".equals(name) ? List.of("research") : List.of();
    }

    @Override
    public List<LocalUser> members(String group) {
        return "research".equals(group) ? List.of(USERS.get(1)) : List.of();
    }
}
