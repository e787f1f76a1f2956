package io.ocmee.rest.api;

import io.ocmee.access.RemoteContent;
import io.ocmee.access.RemoteEntry;
import io.ocmee.rest.errors.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;

/**
 * The HTTP form of an incoming share's content in the user API: downloads streamed with the
 * sender's headers that matter (type, length, range, validators), listings as JSON.
 */
final class IncomingContent {

    private IncomingContent() {}

    /**
     * @param content an open download; closed when the body has been written
     * @return 200 or 206 with {@code Content-Type} (the sender's, else {@code
     *     application/octet-stream}), {@code Content-Length} and {@code Content-Range} when known,
     *     {@code ETag}, {@code Last-Modified}, {@code Accept-Ranges}; and, as for the caller's own
     *     files, {@code X-Content-Type-Options: nosniff} and {@code Content-Security-Policy:
     *     sandbox}, because content from a peer is served from the API's origin
     */
    static Response download(RemoteContent content) {
        Response.ResponseBuilder reply =
                Response.status(content.status())
                        .entity(stream(content))
                        .type(content.contentType().orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "sandbox");
        content.contentLength().ifPresent(n -> reply.header(HttpHeaders.CONTENT_LENGTH, n));
        if (content.status() == 206) {
            content.contentRange().ifPresent(r -> reply.header("Content-Range", r));
        }
        content.etag().ifPresent(e -> reply.header(HttpHeaders.ETAG, e));
        content.lastModified().ifPresent(m -> reply.header(HttpHeaders.LAST_MODIFIED, m));
        if (content.acceptsRanges()) {
            reply.header("Accept-Ranges", "bytes");
        }
        return reply.build();
    }

    /**
     * @param entries a folder's items
     * @return {@code [{"name", "type": "file"|"folder", "size", "modified", "etag"}]}; {@code
     *     size}, {@code modified} (ISO-8601 UTC) and {@code etag} are {@code null} when the sender
     *     did not give them
     */
    static JsonArray listing(List<RemoteEntry> entries) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (RemoteEntry entry : entries) {
            JsonObjectBuilder item =
                    Json.createObjectBuilder()
                            .add("name", entry.name())
                            .add("type", entry.folder() ? "folder" : "file");
            if (entry.size().isPresent()) {
                item.add("size", entry.size().getAsLong());
            } else {
                item.addNull("size");
            }
            entry.modified()
                    .ifPresentOrElse(
                            m -> item.add("modified", m.toString()),
                            () -> item.addNull("modified"));
            entry.etag().ifPresentOrElse(e -> item.add("etag", e), () -> item.addNull("etag"));
            array.add(item);
        }
        return array.build();
    }

    /**
     * @param header a {@code Content-Length} value, or {@code null}
     * @return its number, or -1 when absent
     * @throws jakarta.ws.rs.WebApplicationException 400 if present but not a number
     */
    static long length(String header) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        if (!header.strip().matches("\\d{1,18}")) {
            throw Problem.badRequest("Upload rejected: Content-Length is not a number");
        }
        return Long.parseLong(header.strip());
    }

    private static StreamingOutput stream(RemoteContent content) {
        return output -> {
            try (content;
                    InputStream body = content.body()) {
                body.transferTo(output);
            }
        };
    }
}
