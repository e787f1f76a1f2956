package io.ocmee.share;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The permissions of a WebDAV share (OCM-NOTES §3.4, {@code webdav.permissions}): a subset of
 * {@code read}, {@code write} and {@code share}, kept in this order. Stored as a comma-separated
 * column.
 */
public enum Permissions {
    /** Read, including download of a copy. */
    READ,
    /** Create, update and delete. */
    WRITE,
    /** Re-share (which a receiver must request from the owner, §4.1). */
    SHARE;

    /**
     * @return the wire name, e.g. {@code read}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a wire name
     * @return the permission, or empty if {@code value} is no permission name
     */
    public static Optional<Permissions> of(String value) {
        return Arrays.stream(values()).filter(p -> p.wire().equals(value)).findFirst();
    }

    /**
     * @param permissions some permissions
     * @return their wire names in canonical order
     */
    public static List<String> wire(Collection<Permissions> permissions) {
        return EnumSet.copyOf(permissions).stream().map(Permissions::wire).toList();
    }

    /**
     * @param permissions a non-empty set
     * @return the stored form, e.g. {@code read,write}
     */
    public static String column(Set<Permissions> permissions) {
        return String.join(",", wire(permissions));
    }

    /**
     * @param column the stored form
     * @return the set it stands for
     */
    public static Set<Permissions> fromColumn(String column) {
        Set<Permissions> set = EnumSet.noneOf(Permissions.class);
        for (String part : column.split(",")) {
            of(part.strip()).ifPresent(set::add);
        }
        return set;
    }

    /**
     * Reads the free-text permissions of legacy {@code options} (Seafile: {@code "read, write"}).
     * Text that is not a plain list of permission words (Nextcloud sends a WebDAV property name
     * there) yields nothing.
     *
     * @param text the text
     * @return the permissions it lists, or none
     */
    public static Set<Permissions> fromText(String text) {
        Set<Permissions> set = EnumSet.noneOf(Permissions.class);
        for (String word : text.toLowerCase(Locale.ROOT).strip().split("[,\\s]+")) {
            Optional<Permissions> permission = of(word);
            if (permission.isEmpty()) {
                return EnumSet.noneOf(Permissions.class);
            }
            set.add(permission.get());
        }
        return set;
    }
}
