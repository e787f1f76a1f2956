package io.ocmee.rest.webdav;

import io.ocmee.spi.ResourceContent;
import io.ocmee.spi.ResourceInfo;
import io.ocmee.spi.WriteResult;
import io.ocmee.storage.ContentTypes;
import io.ocmee.webdav.Multistatus;
import io.ocmee.webdav.WebdavService;
import io.ocmee.webdav.WebdavService.Access;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Date;

/**
 * {@code /ocm/webdav/<providerId>[/<path>]}: the resources of our outgoing shares for their
 * receivers (also {@code /ocm/webdav[/<path>]} for the legacy access by credential alone)
 * (OCM-NOTES §8; README "Accessing shared resources"). {@code OPTIONS}, {@code GET} (one {@code
 * Range}), {@code HEAD}, {@code PROPFIND} (Depth 0 or 1), and with {@code write} {@code PUT},
 * {@code DELETE}, {@code MKCOL}, {@code MOVE}, {@code COPY}. Credentials: {@code Authorization:
 * Bearer <access token>}, or for shares without {@code must-exchange-token} the shared secret as
 * {@code Bearer} or as Basic user name. Refusals are plain text: 401 with challenges, 403 without
 * the permission, 404 nothing there, 400 a bad path.
 */
@Path("/ocm/webdav{path: (/.*)?}")
public class WebdavResource {

    private static final String READ_METHODS = "OPTIONS, GET, HEAD, PROPFIND";
    private static final String WRITE_METHODS = ", PUT, DELETE, MKCOL, MOVE, COPY";

    @Inject private WebdavService dav;

    /**
     * @return 200 with {@code DAV: 1} and the methods the share allows
     */
    @OPTIONS
    public Response options(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        WebdavService.Located located = dav.locate(path, authorization, Access.READ);
        String allow = READ_METHODS + (located.grant().writable() ? WRITE_METHODS : "");
        return Response.ok().header("DAV", "1").header("Allow", allow).build();
    }

    /**
     * @return a file's bytes (206 with {@code Content-Range} for a range), streamed
     */
    @GET
    public Response get(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Range") String range) {
        ResourceContent content = dav.read(path, authorization, range);
        ResourceInfo info = content.info();
        Response.ResponseBuilder reply =
                content.partial()
                        ? Response.status(206)
                                .header(
                                        "Content-Range",
                                        "bytes "
                                                + content.offset()
                                                + "-"
                                                + (content.offset() + content.length() - 1)
                                                + "/"
                                                + info.size())
                        : Response.ok();
        return fileHeaders(reply, info)
                .header(HttpHeaders.CONTENT_LENGTH, content.length())
                .entity(stream(content))
                .build();
    }

    /**
     * @return the headers of {@link #get} without a body
     */
    @HEAD
    public Response head(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        WebdavService.Located located = dav.locate(path, authorization, Access.READ);
        ResourceInfo info =
                located.info()
                        .orElseThrow(
                                () ->
                                        new io.ocmee.webdav.DavException(
                                                404,
                                                "Resource rejected: nothing is at this path of"
                                                        + " the share"));
        if (info.folder()) {
            return Response.ok().header(HttpHeaders.ETAG, info.etag()).build();
        }
        return fileHeaders(Response.ok(), info)
                .header(HttpHeaders.CONTENT_LENGTH, info.size())
                .build();
    }

    /**
     * @return 207 with the multistatus of the resource (and its entries at Depth 1)
     */
    @PROPFIND
    public Response propfind(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Depth") String depth,
            InputStream body) {
        drain(body);
        byte[] xml = Multistatus.write(dav.propfind(path, authorization, depth));
        return Response.status(207).type(Multistatus.MEDIA_TYPE).entity(xml).build();
    }

    /**
     * @return 201 for a new file, 204 for a replaced one, both with {@code ETag}
     */
    @PUT
    public Response put(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body) {
        WriteResult written = dav.put(path, authorization, body);
        return written(written).header(HttpHeaders.ETAG, written.resource().etag()).build();
    }

    /**
     * @return 204
     */
    @DELETE
    public Response delete(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        dav.delete(path, authorization);
        return Response.noContent().build();
    }

    /**
     * @return 201
     */
    @MKCOL
    public Response mkcol(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        dav.mkcol(path, authorization);
        return Response.status(201).build();
    }

    /**
     * @return 201 if the destination was free, 204 if it was replaced
     */
    @MOVE
    public Response move(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Destination") String destination,
            @HeaderParam("Overwrite") String overwrite) {
        return written(dav.transfer(path, authorization, destination, overwrite, true)).build();
    }

    /**
     * @return 201 if the destination was free, 204 if it was replaced
     */
    @COPY
    public Response copy(
            @Encoded @PathParam("path") String path,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Destination") String destination,
            @HeaderParam("Overwrite") String overwrite) {
        return written(dav.transfer(path, authorization, destination, overwrite, false)).build();
    }

    private static Response.ResponseBuilder written(WriteResult result) {
        return result.created() ? Response.status(201) : Response.noContent();
    }

    private static Response.ResponseBuilder fileHeaders(
            Response.ResponseBuilder reply, ResourceInfo info) {
        return reply.type(ContentTypes.guess(info.name()))
                .header(HttpHeaders.ETAG, info.etag())
                .header("Accept-Ranges", "bytes")
                .lastModified(Date.from(info.lastModified()))
                // shared content must never run in a browser on this origin
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

    /** The PROPFIND body is not interpreted (every answer lists the same properties). */
    private static void drain(InputStream body) {
        try (InputStream in = body) {
            in.readNBytes(64 * 1024);
        } catch (java.io.IOException e) {
            // an unreadable body changes nothing in the answer
        }
    }
}
