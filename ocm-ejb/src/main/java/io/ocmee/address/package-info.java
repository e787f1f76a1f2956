/**
 * OCM Addresses and provider hosts (OCM spec, section "Terms" and "OCM API Discovery"; notes §2.1).
 *
 * <p>An OCM Address is {@code identifier "@" host [":" port]}. It is not a URI: it has no scheme
 * and no path, and the identifier is opaque. {@link io.ocmee.address.OcmAddress} parses and formats
 * addresses; {@link io.ocmee.address.ProviderHost} is the {@code host[:port]} part on its own, as
 * found in an address, in {@code recipientProvider}, {@code senderDomain} or {@code client_id}.
 * Both reject malformed input with {@link io.ocmee.address.InvalidOcmAddressException}.
 *
 * <p>Plain Java: no Jakarta imports, no logging, no name resolution (nothing here opens a socket or
 * asks DNS).
 */
package io.ocmee.address;
