package io.ocmee.signature.crypto;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;

/** Describes a key for error messages by type only, never by content. */
final class KeyDescriptions {

    private KeyDescriptions() {}

    static String of(Key key) {
        if (key == null) {
            return "no key";
        }
        String kind =
                key instanceof PrivateKey
                        ? "private"
                        : key instanceof PublicKey ? "public" : "secret";
        return "a " + key.getAlgorithm() + " " + kind + " key";
    }
}
