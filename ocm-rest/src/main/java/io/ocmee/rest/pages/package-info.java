/**
 * The module's few HTML pages, rendered on the server with no script and no front-end build (issue
 * 6, Pages): the public WAYF page of invite links ({@link io.ocmee.rest.pages.WayfPage}), the
 * invite acceptance dialog advertised as {@code inviteAcceptDialog} ({@link
 * io.ocmee.rest.pages.AcceptInvitePage}) and a small inbox for the embedded default ({@link
 * io.ocmee.rest.pages.InboxPage}).
 *
 * <p>Every value is escaped by {@link io.ocmee.rest.pages.Html}; every page carries the headers of
 * {@link io.ocmee.rest.pages.PageResponse} (no caching, a script-free Content Security Policy, no
 * framing, no cross-origin referrer); every state-changing form is a POST checked by {@link
 * io.ocmee.rest.pages.FormGuard}. Like the other resources, the pages only parse input, call one
 * service and render its answer.
 */
package io.ocmee.rest.pages;
