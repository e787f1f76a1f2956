package io.ocmee.signature.jwk;

import com.nimbusds.jose.jwk.JWK;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import java.security.KeyPair;

/**
 * A freshly generated signing key: the pair, the algorithm it is for, and the public JWK to publish
 * (with {@code kid} and {@code alg}, without private members).
 *
 * @param keyPair the JCA key pair; keep the private key secret
 * @param algorithm the signature algorithm the key is for
 * @param publicJwk the public part as a JWK with {@code kid} and {@code alg}
 */
public record GeneratedKey(KeyPair keyPair, SignatureAlgorithm algorithm, JWK publicJwk) {

    /**
     * @return the key id
     */
    public String keyId() {
        return publicJwk.getKeyID();
    }

    /** Shows kid and algorithm only. */
    @Override
    public String toString() {
        return "GeneratedKey[kid=" + keyId() + ", algorithm=" + algorithm + "]";
    }
}
