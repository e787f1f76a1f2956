package io.ocmee.rest.pages;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Builds the responses of the pages: a complete HTML document around a page body, with headers that
 * suit pages carrying invite tokens and user data.
 *
 * <ul>
 *   <li>{@code Cache-Control: no-store}: nothing of a page is kept by the browser or a proxy.
 *   <li>{@code Content-Security-Policy}: no script at all, styles only inline from the page itself,
 *       no framing, form targets only this server or (after the WAYF's redirect) another http(s)
 *       server.
 *   <li>{@code Referrer-Policy: same-origin}: the WAYF and dialog URLs carry the invite token, so
 *       no {@code Referer} leaves for another site; same-origin form posts keep their {@code
 *       Origin}, which {@link FormGuard} checks.
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}.
 * </ul>
 */
final class PageResponse {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private static final String STYLE =
            "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;"
                    + "padding:0 1rem;line-height:1.45;color:#1d2330}"
                    + "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;"
                    + "border-bottom:1px solid #ccd;padding-bottom:.2rem}"
                    + "table{border-collapse:collapse;width:100%}"
                    + "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e5ea;"
                    + "vertical-align:top}"
                    + "form.inline{display:inline}label{display:block;margin:.5rem 0 .2rem}"
                    + "input[type=text],input[type=email],select{width:100%;max-width:30rem;"
                    + "padding:.3rem}button{margin:.3rem .3rem .3rem 0;padding:.3rem .8rem}"
                    + ".notice{border:1px solid #3a7;background:#eef9f1;padding:.6rem}"
                    + ".error{border:1px solid #c33;background:#fcefef;padding:.6rem}"
                    + "code,.link{word-break:break-all}ul.servers{list-style:none;padding:0}";

    private static final String CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
                    + " form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'";

    private PageResponse() {}

    /**
     * @param status the HTTP status
     * @param title the page title, escaped
     * @param body the page body, already escaped by {@link Html}
     * @return the response
     */
    static Response page(Response.Status status, String title, Html body) {
        Html document =
                new Html()
                        .raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                        .raw(
                                "<meta name=\"viewport\""
                                        + " content=\"width=device-width,initial-scale=1\">")
                        .raw("<title>")
                        .text(title)
                        .raw("</title><style>")
                        .raw(STYLE)
                        .raw("</style></head><body><main>")
                        .raw(body.toString())
                        .raw("</main></body></html>\n");
        return headers(Response.status(status).type(HTML).entity(document.toString())).build();
    }

    /**
     * @param target where the browser goes next (303 See Other, so a form POST becomes a GET)
     * @return the response
     */
    static Response seeOther(URI target) {
        return headers(Response.seeOther(target)).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
