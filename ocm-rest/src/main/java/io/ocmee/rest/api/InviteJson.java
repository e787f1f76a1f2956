package io.ocmee.rest.api;

import io.ocmee.invite.ContactView;
import io.ocmee.invite.InviteView;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The user API's JSON form of invites and contacts: times in ISO-8601, absent values left out. */
final class InviteJson {

    private InviteJson() {}

    static JsonObject invite(InviteView invite) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("id", invite.id())
                        .add("state", invite.state())
                        .add("expiresAt", invite.expiresAt().toString())
                        .add("createdAt", invite.createdAt().toString());
        addIfPresent(json, "token", invite.token());
        addIfPresent(json, "inviteString", invite.inviteString());
        addIfPresent(json, "inviteLink", invite.inviteLink());
        addIfPresent(json, "description", invite.description());
        addIfPresent(json, "email", invite.email());
        return json.build();
    }

    static JsonArray invites(List<InviteView> invites) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        invites.forEach(i -> list.add(invite(i)));
        return list.build();
    }

    static JsonObject contact(ContactView contact) {
        JsonObjectBuilder json =
                Json.createObjectBuilder()
                        .add("id", contact.id())
                        .add("address", contact.address())
                        .add("name", contact.name())
                        .add("provider", contact.provider())
                        .add("createdAt", contact.createdAt().toString());
        if (contact.email() == null) {
            json.addNull("email");
        } else {
            json.add("email", contact.email());
        }
        return json.build();
    }

    static JsonArray contacts(List<ContactView> contacts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        contacts.forEach(c -> list.add(contact(c)));
        return list.build();
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
