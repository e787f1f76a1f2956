package io.ocmee.wayf;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A verified Directory Service document (OCM-NOTES §9.5).
 *
 * @param source where it was fetched
 * @param federation wire {@code federation}, the federation's name (untrusted text)
 * @param servers the valid entries of wire {@code servers}, in published order
 * @param skipped how many entries were left out because their {@code url} broke the Appendix C
 *     rules
 */
public record DirectoryListing(
        URI source, String federation, List<DirectoryServer> servers, int skipped) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public DirectoryListing {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(federation, "federation");
        servers = List.copyOf(servers);
    }
}
