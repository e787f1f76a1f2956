package io.ocmee.wayf;

import java.net.URI;
import java.util.Objects;

/**
 * One server listed by a Directory Service (OCM-NOTES §9.5, wire {@code servers[]}).
 *
 * @param url wire {@code url}: {@code scheme://host[:port]} with no path, user info, query or
 *     fragment
 * @param displayName wire {@code displayName}, or the URL's authority when absent; untrusted text,
 *     escape it before showing it
 */
public record DirectoryServer(URI url, String displayName) {

    /**
     * @throws NullPointerException if a component is {@code null}
     */
    public DirectoryServer {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(displayName, "displayName");
    }

    /**
     * @return {@code host[:port]} of the URL, what the WAYF page submits as the chosen server
     */
    public String authority() {
        return url.getRawAuthority();
    }
}
