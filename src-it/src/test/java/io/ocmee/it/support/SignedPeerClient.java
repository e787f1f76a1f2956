package io.ocmee.it.support;

import io.ocmee.signature.OcmRequestSigner;
import io.ocmee.signature.SigningKey;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.message.HeaderFields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends requests signed (RFC 9421, Ed25519) as a {@link SigningPeer}: the peer publishes the key,
 * this client signs with it. The target URI is signed as given, so pass the server's public URL.
 */
public final class SignedPeerClient implements AutoCloseable {

    private final SigningPeer peer;
    private final GeneratedKey key;

    private SignedPeerClient(SigningPeer peer) {
        this.peer = peer;
        this.key =
                OcmKeys.generate(
                        SignatureAlgorithm.ED25519, "http://" + peer.authority() + "/ocm#k1");
        peer.publish(key.publicJwk());
    }

    /**
     * @return a client for a new signing peer on a free loopback port
     */
    public static SignedPeerClient start() {
        return new SignedPeerClient(SigningPeer.signing());
    }

    /**
     * @param port the loopback port the peer must listen on
     * @return a client for a new signing peer on that port
     */
    public static SignedPeerClient startOn(int port) {
        return new SignedPeerClient(SigningPeer.signingOn(port));
    }

    /**
     * @return the peer's {@code localhost:<port>}
     */
    public String authority() {
        return peer.authority();
    }

    /**
     * @param url the endpoint, as the server's public URL names it
     * @param json the body
     * @return the answer
     */
    public Http.Reply post(String url, String json) {
        return post(url, url, json);
    }

    /**
     * For a server behind another public URL than the address the test connects to (the Arquillian
     * server's {@code http://arquillian.ocm.test:8443}): signs the public target, sends to the
     * loopback one.
     *
     * @param target the endpoint as the server's public URL names it (signed)
     * @param url where the request is sent
     * @param json the body
     * @return the answer
     */
    public Http.Reply post(String target, String url, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SigningKey signing =
                new SigningKey(
                        key.keyPair().getPrivate(), key.publicJwk().getKeyID(), key.algorithm());
        HeaderFields headers =
                new OcmRequestSigner(signing, Clock.systemUTC())
                        .sign("POST", URI.create(target), body);
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Content-Type", "application/json"});
        for (HeaderFields.FieldLine line : headers.lines()) {
            String name = line.name();
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                fields.add(new String[] {name, line.value()});
            }
        }
        return Http.post(url, fields, body);
    }

    @Override
    public void close() {
        peer.close();
    }
}
