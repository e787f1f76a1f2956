/**
 * Trust in remote OCM servers (OCM-NOTES §9). A {@link io.ocmee.trust.Peer} row records each remote
 * server this server has discovered: its trust state, how it came to be trusted, what its discovery
 * said and when it was first and last seen. {@link io.ocmee.trust.PeerService} is the only way in
 * and out; callers see {@link io.ocmee.trust.PeerView} values, never the entity.
 */
package io.ocmee.trust;
