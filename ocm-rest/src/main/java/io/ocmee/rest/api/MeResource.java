package io.ocmee.rest.api;

import io.ocmee.account.Account;
import io.ocmee.account.AccountService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/me}: the caller and their OCM address. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject private AccountService accounts;

    /**
     * @return {@code {"user", "address", "displayName"}} of the caller
     */
    @GET
    public Account me() {
        return accounts.me();
    }
}
