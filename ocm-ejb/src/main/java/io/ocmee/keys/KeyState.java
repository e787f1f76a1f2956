package io.ocmee.keys;

/** Where a key is in its rotation. Stored by name. */
public enum KeyState {
    /** Published, not yet used for signing: peers can learn it before they see it used. */
    PENDING,
    /** Published and used for new signatures. */
    ACTIVE,
    /** Replaced; still published until its {@code publishedUntil}, never used to sign. */
    RETIRING,
    /** No longer published; its private key is erased. */
    RETIRED
}
