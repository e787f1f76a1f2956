package io.ocmee.keys;

/** Which signing scheme a key serves. Stored by name. */
public enum KeyPurpose {
    /** RFC 9421 HTTP message signatures; published in the JWK Set. */
    RFC9421,
    /** Legacy draft-cavage signatures; published as discovery {@code publicKey}. */
    CAVAGE
}
