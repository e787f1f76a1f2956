package io.ocmee.delivery.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to the addresses a connection may go to; the {@link AddressPolicy} is
 * applied to every one of them before {@link PeerHttpClient} connects.
 *
 * <p>Injectable so tests can map names to fixed addresses built with {@link
 * InetAddress#getByAddress(String, byte[])} instead of asking DNS. Implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @param host a registered name, never an IP literal
     * @return every address of {@code host}; never {@code null}
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * @return the platform resolver, {@link InetAddress#getAllByName(String)}
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
