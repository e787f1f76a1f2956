package io.ocmee.rest.api;

import io.ocmee.rest.errors.Problem;
import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.WriteResult;
import io.ocmee.storage.ContentTypes;
import io.ocmee.storage.FileRead;
import io.ocmee.storage.FileService;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Date;

/**
 * {@code /api/v1/files/{path}}: the caller's own files. {@code PUT} uploads raw bytes (201 new, 204
 * replaced), {@code GET} downloads a file or lists a folder as JSON, {@code DELETE} removes either
 * (204). Errors are problem documents: 400 for an unsafe path, 404 for a missing one, 409 when a
 * folder is in the way (see {@link io.ocmee.rest.errors.StorageErrorMapper}).
 */
@Path("/api/v1/files")
public class FilesResource {

    @Inject private FileService files;

    /**
     * Stores the request body as a file, creating missing parent folders. The body is streamed to
     * disk, never held in memory.
     *
     * @param path the file's path in the caller's space, without a trailing {@code /}
     * @param body the raw bytes
     * @param uri the request URI, for {@code Location}
     * @return 201 with {@code Location} for a new file, 204 for a replaced one; both with {@code
     *     ETag}
     */
    @PUT
    @Path("{path: .+}")
    public Response upload(@PathParam("path") String path, InputStream body, @Context UriInfo uri) {
        if (path.endsWith("/")) {
            throw Problem.badRequest("Upload rejected: a file path must not end with '/'");
        }
        WriteResult written = files.upload(path, body);
        Response.ResponseBuilder reply =
                written.created() ? Response.created(uri.getAbsolutePath()) : Response.noContent();
        return reply.header(HttpHeaders.ETAG, written.resource().etag()).build();
    }

    /**
     * Downloads a file, or lists a folder.
     *
     * @param path the path in the caller's space; empty for the root folder
     * @return a file's bytes with {@code Content-Type} guessed from its name, {@code
     *     Content-Length}, {@code ETag} and {@code Last-Modified}; or for a folder a JSON array of
     *     {@code {"name", "type": "file"|"folder", "size", "modified", "etag"}}
     */
    @GET
    @Path("{path: .*}")
    public Response read(@PathParam("path") String path) {
        FileRead read = files.read(path);
        if (read instanceof FileRead.Listing listing) {
            return Response.ok(FileJson.listing(listing.entries()), MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ETAG, listing.folder().etag())
                    .build();
        }
        FileRead.Download download = (FileRead.Download) read;
        return withFileHeaders(
                        Response.ok(stream(download.content()), download.contentType()),
                        download.content().info())
                .build();
    }

    /**
     * The headers of {@link #read} without the body.
     *
     * @param path the path in the caller's space; empty for the root folder
     * @return 200 with the headers a {@code GET} would send
     */
    @HEAD
    @Path("{path: .*}")
    public Response head(@PathParam("path") String path) {
        ResourceInfo info = files.describe(path);
        if (info.folder()) {
            return Response.ok()
                    .type(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ETAG, info.etag())
                    .build();
        }
        return withFileHeaders(Response.ok(), info).type(ContentTypes.guess(info.name())).build();
    }

    /**
     * Deletes a file, or a folder with its content.
     *
     * @param path the path in the caller's space
     * @return 204
     */
    @DELETE
    @Path("{path: .+}")
    public Response delete(@PathParam("path") String path) {
        files.delete(path);
        return Response.noContent().build();
    }

    private static Response.ResponseBuilder withFileHeaders(
            Response.ResponseBuilder reply, ResourceInfo info) {
        return reply.header(HttpHeaders.CONTENT_LENGTH, info.size())
                .header(HttpHeaders.ETAG, info.etag())
                .lastModified(Date.from(info.lastModified()))
                // user content is served from the API's origin: never let a browser run it
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
    }

    private static StreamingOutput stream(ResourceContent content) {
        return output -> {
            try (InputStream body = content.body()) {
                body.transferTo(output);
            }
        };
    }
}
