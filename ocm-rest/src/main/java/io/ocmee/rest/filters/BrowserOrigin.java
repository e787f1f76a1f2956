package io.ocmee.rest.filters;

import io.ocmee.settings.OcmSettings;
import java.util.Locale;

/**
 * Whether a browser sent a request from this server's own pages, judged by the headers browsers add
 * to every cross-origin {@code POST}: {@code Sec-Fetch-Site} and {@code Origin}. Requests without
 * them (command-line clients, other servers) are not judged here.
 */
public final class BrowserOrigin {

    private BrowserOrigin() {}

    /**
     * @param origin the request's {@code Origin} header, or {@code null}
     * @param fetchSite the request's {@code Sec-Fetch-Site} header, or {@code null}
     * @param settings this server's settings (its public URL)
     * @return why the request comes from another site, or {@code null} if it does not
     */
    public static String foreignReason(String origin, String fetchSite, OcmSettings settings) {
        if (fetchSite != null
                && (fetchSite.equalsIgnoreCase("cross-site")
                        || fetchSite.equalsIgnoreCase("same-site"))) {
            return "sent from another site";
        }
        if (origin != null && !origin.equalsIgnoreCase(publicOrigin(settings))) {
            return "its origin is not this server";
        }
        return null;
    }

    /**
     * @param settings this server's settings
     * @return the browser's serialisation of our public URL's origin: scheme, host, port
     */
    public static String publicOrigin(OcmSettings settings) {
        return settings.publicUrl().getScheme().toLowerCase(Locale.ROOT)
                + "://"
                + settings.providerAuthority();
    }
}
