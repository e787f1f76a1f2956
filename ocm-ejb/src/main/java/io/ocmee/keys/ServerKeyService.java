package io.ocmee.keys;

import com.nimbusds.jose.jwk.JWK;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import io.ocmee.signature.SigningKey;
import io.ocmee.signature.crypto.SignatureAlgorithm;
import io.ocmee.signature.jwk.GeneratedKey;
import io.ocmee.signature.jwk.OcmKeys;
import io.ocmee.signature.jwk.PemKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * This server's signing keys: created on first start, kept across restarts, rotated on demand.
 *
 * <p>Rotation (OCM-NOTES §11 Q23): {@link #rotate} adds a new key in state {@link
 * KeyState#PENDING}, published at once; once {@code ocm.keys.pending-seconds} have passed (by
 * default at once) the next signing promotes it to {@link KeyState#ACTIVE} and moves the old active
 * key to {@link KeyState#RETIRING}, which stays published for {@code
 * ocm.keys.retire-after-seconds}. {@link #remove} takes a key out of publication at once.
 *
 * <p>Concurrency: container-managed, reads shared, changes exclusive.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@Lock(LockType.READ)
@PermitAll
public class ServerKeyService {

    private static final Logger LOG = Logger.getLogger(ServerKeyService.class.getName());
    private static final DateTimeFormatter KID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Inject private OcmSettings settings;

    private final Clock clock = Clocks.storable();
    private final Map<String, SigningKey> decrypted = new ConcurrentHashMap<>();
    private KeyEncryption encryption;

    @PostConstruct
    @Lock(LockType.WRITE)
    void ensureKeys() {
        encryption = KeyEncryption.fromFile(settings.keyEncryptionKeyFile());
        ensure(KeyPurpose.RFC9421, SignatureAlgorithm.ED25519);
        ensure(KeyPurpose.CAVAGE, SignatureAlgorithm.RSA_V1_5_SHA512);
        if (settings.ecdsaKey()) {
            ensure(KeyPurpose.RFC9421, SignatureAlgorithm.ECDSA_P256_SHA256);
        }
    }

    /**
     * @return the key that signs RFC 9421 requests now (Ed25519), promoting a due pending key
     */
    @Lock(LockType.WRITE)
    public SigningKey rfc9421SigningKey() {
        return signingKey(KeyPurpose.RFC9421, SignatureAlgorithm.ED25519);
    }

    /**
     * @return the RSA key that signs draft-cavage requests now
     */
    @Lock(LockType.WRITE)
    public SigningKey cavageSigningKey() {
        return signingKey(KeyPurpose.CAVAGE, SignatureAlgorithm.RSA_V1_5_SHA512);
    }

    /**
     * @return the JWK Set document of every published RFC 9421 key (pending, active, retiring
     *     within its publication time): public parts only, each with {@code kid} and {@code alg}
     */
    public String jwkSet() {
        Instant now = clock.instant();
        List<Map<String, Object>> keys = new ArrayList<>();
        for (ServerKey key : all()) {
            if (key.purpose() == KeyPurpose.RFC9421 && isPublished(key, now)) {
                keys.add(parse(key).toJSONObject());
            }
        }
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.of("keys", keys));
    }

    /**
     * @return the discovery {@code publicKey} of the legacy cavage scheme: the active RSA key's
     *     {@code keyId} and SPKI PEM
     */
    public Map<String, String> cavagePublicKey() {
        ServerKey key =
                current(KeyPurpose.CAVAGE, SignatureAlgorithm.RSA_V1_5_SHA512).orElseThrow();
        PublicKey publicKey = (PublicKey) OcmKeys.toKey(parse(key));
        return Map.of("keyId", key.kid(), "publicKeyPem", PemKeys.encode(publicKey));
    }

    /**
     * @return every key, oldest first, without private material
     */
    @RolesAllowed("ocm-admin")
    public List<KeyView> list() {
        return all().stream().map(ServerKey::toView).toList();
    }

    /**
     * Starts a rotation: a new key of the same algorithm as the current one of that purpose.
     *
     * @param purpose which scheme's key to rotate
     * @return the new key
     */
    @RolesAllowed("ocm-admin")
    @Lock(LockType.WRITE)
    public KeyView rotate(KeyPurpose purpose) {
        SignatureAlgorithm algorithm =
                purpose == KeyPurpose.CAVAGE
                        ? SignatureAlgorithm.RSA_V1_5_SHA512
                        : SignatureAlgorithm.ED25519;
        Instant now = clock.instant();
        ServerKey created = create(purpose, algorithm, now, now.plus(settings.keyPendingPeriod()));
        created.makePending();
        LOG.info("OCM-0201 Key rotation started: new " + purpose + " key " + created.kid());
        promoteDuePendingKeys(purpose, algorithm);
        return created.toView();
    }

    /**
     * Takes a key out of publication and use at once (a compromised or obsolete key). The active
     * key of a purpose cannot be removed; rotate first.
     *
     * @param kid the key id
     * @return the removed key, or empty if there is no such key
     * @throws KeyRemovalRefusedException if it is the active key
     */
    @RolesAllowed("ocm-admin")
    @Lock(LockType.WRITE)
    public Optional<KeyView> remove(String kid) {
        ServerKey key = em.find(ServerKey.class, kid);
        if (key == null) {
            return Optional.empty();
        }
        if (key.state() == KeyState.ACTIVE) {
            throw new KeyRemovalRefusedException(
                    "Key removal rejected: " + kid + " is the active key; rotate first");
        }
        key.remove();
        decrypted.remove(kid);
        LOG.info("OCM-0202 Key " + kid + " removed from publication");
        return Optional.of(key.toView());
    }

    private SigningKey signingKey(KeyPurpose purpose, SignatureAlgorithm algorithm) {
        promoteDuePendingKeys(purpose, algorithm);
        ServerKey key =
                current(purpose, algorithm)
                        .orElseThrow(
                                () -> new IllegalStateException("no active " + purpose + " key"));
        return decrypted.computeIfAbsent(key.kid(), kid -> decrypt(key));
    }

    private void promoteDuePendingKeys(KeyPurpose purpose, SignatureAlgorithm algorithm) {
        Instant now = clock.instant();
        Optional<ServerKey> due =
                all().stream()
                        .filter(k -> matches(k, purpose, algorithm))
                        .filter(k -> k.state() == KeyState.PENDING)
                        .filter(k -> !k.activateAt().isAfter(now))
                        .reduce((first, later) -> later);
        if (due.isEmpty()) {
            return;
        }
        for (ServerKey key : all()) {
            if (matches(key, purpose, algorithm) && key.state() == KeyState.ACTIVE) {
                key.retire(now, now.plus(settings.keyRetireAfter()));
                decrypted.remove(key.kid());
            }
        }
        due.get().activate();
        LOG.info("OCM-0203 Key " + due.get().kid() + " is now active");
    }

    private void ensure(KeyPurpose purpose, SignatureAlgorithm algorithm) {
        boolean present =
                all().stream()
                        .anyMatch(
                                k ->
                                        matches(k, purpose, algorithm)
                                                && (k.state() == KeyState.ACTIVE
                                                        || k.state() == KeyState.PENDING));
        if (!present) {
            Instant now = clock.instant();
            ServerKey key = create(purpose, algorithm, now, now);
            LOG.info("OCM-0200 Created " + purpose + " signing key " + key.kid());
        }
    }

    private ServerKey create(
            KeyPurpose purpose, SignatureAlgorithm algorithm, Instant now, Instant activateAt) {
        String kid = newKeyId(purpose, algorithm, now);
        GeneratedKey generated = OcmKeys.generate(algorithm, kid);
        ServerKey key =
                new ServerKey(
                        kid,
                        algorithm.name(),
                        purpose,
                        generated.publicJwk().toJSONString(),
                        encryption.encrypt(kid, generated.keyPair().getPrivate().getEncoded()),
                        now,
                        activateAt);
        em.persist(key);
        em.flush();
        return key;
    }

    private String newKeyId(KeyPurpose purpose, SignatureAlgorithm algorithm, Instant now) {
        byte[] random = new byte[4];
        new java.security.SecureRandom().nextBytes(random);
        String label =
                purpose == KeyPurpose.CAVAGE
                        ? "rsa"
                        : algorithm.rfc9421Name().orElse(algorithm.name().toLowerCase());
        return settings.publicBase()
                + "/ocm#"
                + label
                + "-"
                + KID_DATE.format(now)
                + "-"
                + HexFormat.of().formatHex(random);
    }

    private Optional<ServerKey> current(KeyPurpose purpose, SignatureAlgorithm algorithm) {
        return all().stream()
                .filter(k -> matches(k, purpose, algorithm) && k.state() == KeyState.ACTIVE)
                .reduce((first, later) -> later);
    }

    private static boolean matches(ServerKey key, KeyPurpose purpose, SignatureAlgorithm alg) {
        return key.purpose() == purpose && key.algorithm().equals(alg.name());
    }

    private static boolean isPublished(ServerKey key, Instant now) {
        return switch (key.state()) {
            case PENDING, ACTIVE -> true;
            case RETIRING -> key.publishedUntil() == null || key.publishedUntil().isAfter(now);
            case RETIRED -> false;
        };
    }

    private List<ServerKey> all() {
        return em.createNamedQuery(ServerKey.ALL, ServerKey.class).getResultList();
    }

    private SigningKey decrypt(ServerKey key) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(key.algorithm());
        byte[] pkcs8 = encryption.decrypt(key.kid(), key.privateKey());
        try {
            String family =
                    switch (algorithm) {
                        case ED25519 -> "Ed25519";
                        case ECDSA_P256_SHA256 -> "EC";
                        default -> "RSA";
                    };
            PrivateKey privateKey =
                    KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(privateKey, key.kid(), algorithm);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(
                    "stored private key of " + key.kid() + " is unusable", e);
        }
    }

    private static JWK parse(ServerKey key) {
        try {
            return JWK.parse(key.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException(
                    "stored public key of " + key.kid() + " is unusable", e);
        }
    }
}
