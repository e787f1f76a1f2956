/**
 * This server's own signing keys (OCM-NOTES §7). {@link io.ocmee.keys.ServerKeyService} creates
 * them on first start (an Ed25519 key for RFC 9421, optionally ECDSA P-256, and an RSA-2048 key for
 * the legacy draft-cavage scheme), keeps them across restarts in {@link io.ocmee.keys.ServerKey}
 * rows, rotates them through {@link io.ocmee.keys.KeyState pending, active and retiring}, and
 * publishes the public halves as a JWK Set. Private keys are stored only encrypted, by {@link
 * io.ocmee.keys.KeyEncryption}, under a key-encryption key kept outside the database.
 */
package io.ocmee.keys;
