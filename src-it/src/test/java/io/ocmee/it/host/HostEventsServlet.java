package io.ocmee.it.host;

import io.ocmee.api.event.InviteAccepted;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /host-events/invite-accepted}: the {@link InviteAccepted} events {@link HostObserver}
 * saw after commit, as a JSON array, for tests that drive the server over HTTP from outside it.
 */
@WebServlet("/host-events/invite-accepted")
public class HostEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (Object seen : HostObserver.AFTER_SUCCESS) {
            if (seen instanceof InviteAccepted e) {
                events.add(
                        Json.createObjectBuilder()
                                .add("localUser", e.localUser())
                                .add("contactAddress", e.contactAddress())
                                .add("contactName", e.contactName())
                                .add("byLocalUser", e.byLocalUser())
                                .add("at", e.at().toString()));
            }
        }
        response.setContentType("application/json");
        response.getWriter().print(events.build());
    }
}
