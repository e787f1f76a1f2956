package io.ocmee.access;

import io.ocmee.delivery.Peers;
import io.ocmee.settings.OcmSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application-wide {@link ShareAccessor}, wired to this server's outbound client and peer
 * directory ({@link Peers}: discovery cache, signed POSTs) and holding the one in-memory {@link
 * TokenCache}. Tokens are lost on restart by design; the next access exchanges again.
 *
 * <p>Thread-safe.
 */
@ApplicationScoped
public class ShareAccess {

    @Inject private Peers peers;

    @Inject private OcmSettings settings;

    private ShareAccessor accessor;

    @PostConstruct
    void init() {
        Clock clock = Clock.systemUTC();
        accessor =
                new ShareAccessor(
                        peers.http(),
                        peers::discover,
                        new TokenExchanger(peers::post, settings.providerAuthority(), clock),
                        new TokenCache(clock));
    }

    /**
     * @return the accessor
     */
    public ShareAccessor accessor() {
        return accessor;
    }
}
