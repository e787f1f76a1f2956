package io.ocmee.rest.pages;

import io.ocmee.rest.filters.BrowserOrigin;
import io.ocmee.settings.OcmSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection of the pages' POST forms, without server sessions.
 *
 * <p>The pages authenticate with the container's HTTP authentication, which a browser repeats on
 * any request to this server, also one started by another site. Each form therefore carries a token
 * {@code <issued>.<mac>}: an HMAC-SHA256, under a random key of this process, of the signed-in user
 * and the issue time. A POST is accepted only when the token is this server's, for the same user,
 * younger than {@link #LIFETIME}, and when the browser's {@code Origin} header, if sent, is this
 * server's public origin and {@code Sec-Fetch-Site}, if sent, is not {@code cross-site}. No session
 * (and no cookie) is involved, so two servers on one host name but different ports cannot disturb
 * each other.
 *
 * <p>Known gap: the key lives in this process, so a restart or another node behind the same URL
 * refuses forms shown before; the person reloads the page.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class FormGuard {

    /** What a refused form submission shows. */
    static final String REFUSED =
            "Form rejected: it has expired or was sent from another site; reload the page and try"
                    + " again";

    /** How long a shown form may be submitted. */
    static final Duration LIFETIME = Duration.ofHours(8);

    private static final Logger LOG = Logger.getLogger(FormGuard.class.getName());

    @Inject private OcmSettings settings;

    private final Clock clock = Clock.systemUTC();
    private byte[] key;

    @PostConstruct
    void init() {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    /**
     * @param user the signed-in user the form is shown to
     * @return the token to put into the form's {@code csrf} field
     */
    public String tokenFor(String user) {
        String issued = Long.toString(clock.instant().getEpochSecond());
        return issued + "." + mac(user, issued);
    }

    /**
     * @param user the signed-in user submitting the form
     * @param token the form's {@code csrf} field
     * @param origin the request's {@code Origin} header, or {@code null}
     * @param fetchSite the request's {@code Sec-Fetch-Site} header, or {@code null}
     * @return whether the submission is accepted; a refusal is logged ({@code OCM-0910}) without
     *     the token
     */
    public boolean accepts(String user, String token, String origin, String fetchSite) {
        String reason = refusal(user, token, origin, fetchSite);
        if (reason == null) {
            return true;
        }
        LOG.warning("OCM-0910 Form of user " + user + " rejected: " + reason);
        return false;
    }

    private String refusal(String user, String token, String origin, String fetchSite) {
        String foreign = BrowserOrigin.foreignReason(origin, fetchSite, settings);
        if (foreign != null) {
            return foreign;
        }
        if (token == null || token.indexOf('.') <= 0) {
            return "no form token";
        }
        String issued = token.substring(0, token.indexOf('.'));
        String expected = issued + "." + mac(user, issued);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return "form token is not valid for this user";
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.ofEpochSecond(Long.parseLong(issued));
        } catch (NumberFormatException e) {
            return "form token is malformed";
        }
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plusSeconds(60)) || issuedAt.plus(LIFETIME).isBefore(now)) {
            return "form token has expired";
        }
        return null;
    }

    private String mac(String user, String issued) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = hmac.doFinal((user + "\n" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
