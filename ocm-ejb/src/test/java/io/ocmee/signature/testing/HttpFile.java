package io.ocmee.signature.testing;

import io.ocmee.signature.message.HeaderFields;
import io.ocmee.signature.message.HttpMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A message from a {@code .http} file of the conformance pack: LF line endings, header lines {@code
 * Name: value}, a blank line, then the body bytes exactly. A request's target URI is rebuilt as
 * {@code https://<Host><request-target>}, as a TLS server would.
 *
 * @param message the parsed message
 * @param body the exact body bytes
 */
public record HttpFile(HttpMessage message, byte[] body) {

    /**
     * @return the file parsed, read in place from the conformance directory
     */
    public static HttpFile read(String relative) {
        return parse(Conformance.bytes(relative));
    }

    /**
     * @return the message parsed from its bytes
     */
    public static HttpFile parse(byte[] raw) {
        int split = indexOfBlankLine(raw);
        String head =
                new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(raw, split + 2, raw.length);
        String[] lines = head.split("\n");
        HeaderFields.Builder fields = HeaderFields.builder();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            fields.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
        }
        return new HttpFile(message(lines[0], fields.build()), body);
    }

    private static HttpMessage message(String startLine, HeaderFields fields) {
        String[] parts = startLine.split(" ", 3);
        if (parts[0].startsWith("HTTP/")) {
            return HttpMessage.response(Integer.parseInt(parts[1]), fields, null);
        }
        String host = fields.combined("Host").orElseThrow();
        return HttpMessage.request(parts[0], URI.create("https://" + host + parts[1]), fields);
    }

    private static int indexOfBlankLine(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
