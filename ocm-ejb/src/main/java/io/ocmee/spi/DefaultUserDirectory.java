package io.ocmee.spi;

import io.ocmee.settings.OcmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fallback directory of the embedded default. Its users live in the container's file realm,
 * whose key file {@code bin/ocm-run} writes from {@code OCM_DEMO_USERS} ({@link
 * OcmSettings#realmKeyFile()}, one {@code name;hash;groups} line per user): a name is a user when
 * that file lists it. Without such a file (the module deployed without the launcher and without a
 * host directory) any safe name is a user. A user's display name is the name with a capital
 * initial; there is no e-mail address. The file is read at each lookup, so realm changes apply at
 * once; it is small. Groups are the key file's groups ({@code users()}, {@code groups()}, {@code
 * members()}); without a key file nothing can be listed.
 */
@ApplicationScoped
public class DefaultUserDirectory implements UserDirectory {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

    @Inject private OcmSettings settings;

    @Override
    public Optional<LocalUser> find(String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches() || !listed(name)) {
            return Optional.empty();
        }
        return Optional.of(user(name));
    }

    /**
     * @return the users of the realm key file, ordered by name; empty without a key file (then
     *     every safe name is a user and none can be listed)
     */
    @Override
    public List<LocalUser> users() {
        return entries().stream().map(e -> user(e.name())).toList();
    }

    @Override
    public List<String> groups(String name) {
        return entries().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .map(Entry::groups)
                .orElse(List.of());
    }

    @Override
    public List<LocalUser> members(String group) {
        return entries().stream()
                .filter(e -> e.groups().contains(group))
                .map(e -> user(e.name()))
                .toList();
    }

    private static LocalUser user(String name) {
        String display = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return new LocalUser(name, display, Optional.empty());
    }

    private record Entry(String name, List<String> groups) {}

    /** The key file's users with their groups, by name; never the password hashes. */
    private List<Entry> entries() {
        Path realm = settings.realmKeyFile();
        if (!Files.isRegularFile(realm)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(realm, StandardCharsets.UTF_8)) {
            return lines.map(line -> line.split(";", -1))
                    .filter(parts -> parts.length >= 1 && SAFE_NAME.matcher(parts[0]).matches())
                    .map(
                            parts ->
                                    new Entry(
                                            parts[0],
                                            parts.length >= 3 && !parts[2].isBlank()
                                                    ? List.of(parts[2].trim().split("\\s*,\\s*"))
                                                    : List.of()))
                    .sorted(java.util.Comparator.comparing(Entry::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the realm key file failed", e);
        }
    }

    private boolean listed(String name) {
        Path realm = settings.realmKeyFile();
        if (!Files.isRegularFile(realm)) {
            return true;
        }
        try (Stream<String> lines = Files.lines(realm, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.startsWith(name + ";"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the realm key file failed", e);
        }
    }
}
