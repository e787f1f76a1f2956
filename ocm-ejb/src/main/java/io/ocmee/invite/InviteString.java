package io.ocmee.invite;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.ProviderHost;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The canonical invite format (OCM-NOTES §5.2, checklist S60, R111): base64url (RFC 4648 §5) of
 * {@code token@host[:port]}, written without padding.
 *
 * <p>Decoding accepts the text with or without {@code =} padding, also with the standard alphabet's
 * {@code +} and {@code /}, and splits the decoded text on its <em>last</em> {@code @}, since the
 * token may itself contain {@code @}. Plain Java; immutable.
 *
 * @param token the Invite Token, non-empty, without control characters
 * @param provider the inviting server
 */
public record InviteString(String token, ProviderHost provider) {

    /** Longest invite string accepted: tokens and host names are short. */
    static final int MAX_LENGTH = 2048;

    /**
     * @throws InvalidInviteException if the token is empty or has control characters
     */
    public InviteString {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(provider, "provider");
        if (token.isEmpty() || token.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInviteException(
                    "Invite rejected: the token is empty or contains control characters");
        }
    }

    /**
     * @return the invite string: base64url of {@code token@host[:port]}, no padding
     */
    public String encode() {
        String plain = token + "@" + provider.authority();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an invite string.
     *
     * @param text the invite string, padded or not; surrounding whitespace is ignored
     * @return the token and the inviting server
     * @throws InvalidInviteException if it is not base64url, not UTF-8, has no {@code @}, an empty
     *     token, or no valid {@code host[:port]} after the last {@code @}; the message says which
     */
    public static InviteString decode(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInviteException("Invite rejected: the invite string is empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInviteException(
                    "Invite rejected: the invite string is longer than " + MAX_LENGTH);
        }
        String plain = utf8(base64url(trimmed));
        int at = plain.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidInviteException(
                    "Invite rejected: the invite string does not decode to token@host");
        }
        if (at == 0) {
            throw new InvalidInviteException("Invite rejected: the token is empty");
        }
        try {
            return new InviteString(
                    plain.substring(0, at), ProviderHost.parse(plain.substring(at + 1)));
        } catch (InvalidOcmAddressException e) {
            throw new InvalidInviteException(
                    "Invite rejected: the inviting server is not host[:port]: " + e.getMessage());
        }
    }

    private static byte[] base64url(String text) {
        String unpadded = text;
        while (unpadded.endsWith("=")) {
            unpadded = unpadded.substring(0, unpadded.length() - 1);
        }
        String urlAlphabet = unpadded.replace('+', '-').replace('/', '_');
        try {
            return Base64.getUrlDecoder().decode(urlAlphabet);
        } catch (IllegalArgumentException e) {
            throw new InvalidInviteException("Invite rejected: the invite string is not base64url");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInviteException(
                    "Invite rejected: the invite string does not decode to UTF-8 text");
        }
    }
}
