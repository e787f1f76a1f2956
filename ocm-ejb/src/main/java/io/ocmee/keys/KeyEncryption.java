package io.ocmee.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects private keys at rest: AES-256-GCM under a key-encryption key (KEK) read from a file
 * outside the database, with the key id as associated data so that a ciphertext cannot be moved to
 * another row. A database dump alone therefore reveals no private key; whoever holds both the
 * database and the KEK file does. The KEK file is created on first use with 32 random bytes and
 * owner-only permissions. Thread-safe.
 */
final class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;

    private KeyEncryption(byte[] key) {
        this.kek = new SecretKeySpec(key, "AES");
    }

    /**
     * @param file the KEK file; created with 32 random bytes if absent
     * @return an encryption under that KEK
     * @throws IllegalStateException if the file cannot be read or created, or is not 32 bytes
     */
    static KeyEncryption fromFile(Path file) {
        try {
            createIfAbsent(file);
            byte[] key = Files.readAllBytes(file);
            if (key.length != 32) {
                throw new IllegalStateException(
                        "Key-encryption key rejected: " + file + " must hold exactly 32 bytes");
            }
            return new KeyEncryption(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key file", e);
        }
    }

    /**
     * @param keyId the key's id, bound as associated data
     * @param plain the PKCS#8 private key
     * @return base64 of nonce ‖ ciphertext ‖ tag
     */
    String encrypt(String keyId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keyId, nonce, plain);
        return Base64.getEncoder()
                .encodeToString(
                        ByteBuffer.allocate(nonce.length + sealed.length)
                                .put(nonce)
                                .put(sealed)
                                .array());
    }

    /**
     * @param keyId the key's id, as given to {@link #encrypt}
     * @param stored what {@link #encrypt} returned
     * @return the PKCS#8 private key
     * @throws IllegalStateException if the KEK is not the one that encrypted it, or the data is
     *     corrupt
     */
    byte[] decrypt(String keyId, String stored) {
        byte[] all = Base64.getDecoder().decode(stored);
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return crypt(Cipher.DECRYPT_MODE, keyId, nonce, sealed);
    }

    private byte[] crypt(int mode, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Private key of "
                            + keyId
                            + " could not be decrypted: wrong key-encryption key"
                            + " or corrupt data",
                    e);
        }
    }

    private static void createIfAbsent(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.write(file, key);
        } catch (FileAlreadyExistsException raced) {
            // another instance created it first; use theirs
        }
    }
}
