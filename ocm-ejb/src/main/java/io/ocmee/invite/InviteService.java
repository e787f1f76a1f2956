package io.ocmee.invite;

import io.ocmee.address.InvalidOcmAddressException;
import io.ocmee.address.OcmAddress;
import io.ocmee.address.ProviderHost;
import io.ocmee.delivery.Peers;
import io.ocmee.delivery.http.PeerHttpException;
import io.ocmee.delivery.http.PeerHttpResponse;
import io.ocmee.discovery.DiscoveryException;
import io.ocmee.discovery.PeerDiscovery;
import io.ocmee.discovery.advertised.DiscoveryDocumentService;
import io.ocmee.persistence.Clocks;
import io.ocmee.settings.OcmSettings;
import io.ocmee.share.Secrets;
import io.ocmee.spi.LocalUser;
import io.ocmee.spi.UserDirectory;
import io.ocmee.trust.PeerService;
import io.ocmee.trust.TrustDecision;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Invites of local users, in both roles (OCM-NOTES §5).
 *
 * <p><b>Sender.</b> {@link #create} draws a token of 256 random bits (base64url), stores only its
 * SHA-256, and answers the token, the invite string and the WAYF link once; lists never show them
 * again. {@link #revoke} makes an invite unknown to acceptances. Acceptances from peers are handled
 * by {@link InviteAcceptanceService}.
 *
 * <p><b>Receiver.</b> {@link #accept} discovers the inviting server, applies the trust policy
 * (blocked servers are refused before anything is sent), sends the signed Invite Acceptance Request
 * synchronously through {@link Peers}, and stores the inviting user as a contact from the answer.
 * Every remote refusal becomes an {@link InviteRefusedException} that tells the user what happened.
 *
 * <p>Every method takes the acting user's login name, which must be the caller's (403 otherwise).
 */
@Stateless
@RolesAllowed("ocm-user")
public class InviteService {

    private static final Logger LOG = Logger.getLogger(InviteService.class.getName());

    /** Path of the WAYF page below the public URL (served by the pages module). */
    public static final String WAYF_PATH = DiscoveryDocumentService.WAYF_PATH;

    /** Path of the invite acceptance dialog below the public URL (served by the pages module). */
    public static final String ACCEPT_DIALOG_PATH =
            DiscoveryDocumentService.INVITE_ACCEPT_DIALOG_PATH;

    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_PEER_TEXT = 200;
    private static final int SAVE_ATTEMPTS = 5;

    @PersistenceContext(unitName = "ocm")
    private EntityManager em;

    @Resource private SessionContext session;

    @Inject private OcmSettings settings;

    @Inject private UserDirectory directory;

    @Inject private Peers peers;

    @Inject private PeerService trust;

    @Inject private InviteLedger ledger;

    @Inject private io.ocmee.integration.HostEvents events;

    /**
     * Makes an invite.
     *
     * @param owner the calling user's login name
     * @param description a note for the owner, at most 1000 characters
     * @param email whom the owner means to send it to, at most 320 characters
     * @param expiresInSeconds lifetime, 1 s to 365 days; default {@code
     *     ocm.invite.default-expiry-seconds}
     * @return the invite with its token, invite string and link (shown this once)
     * @throws InviteRefusedException 400 for bad input, 403 if {@code owner} is not the caller
     */
    public InviteView create(
            String owner,
            Optional<String> description,
            Optional<String> email,
            Optional<Long> expiresInSeconds) {
        Callers.require(session, owner);
        String note = optionalText(description, "description", MAX_DESCRIPTION);
        String to = optionalText(email, "email", MAX_EMAIL);
        if (to != null && (!to.contains("@") || to.chars().anyMatch(Character::isWhitespace))) {
            throw new InviteRefusedException(
                    400, "Invite rejected: email must be an e-mail address");
        }
        Duration lifetime = lifetime(expiresInSeconds);
        Instant now = Clocks.storable().instant();

        String token = Secrets.newSecret();
        Invite invite = new Invite(owner, Secrets.hash(token), note, to, now.plus(lifetime), now);
        em.persist(invite);
        LOG.log(
                Level.INFO,
                "OCM-0601 Invite {0} made by {1}, valid until {2}",
                new Object[] {invite.id(), owner, now.plus(lifetime)});
        InviteView stored = invite.view(now);
        String inviteString =
                new InviteString(token, ProviderHost.parse(settings.providerAuthority())).encode();
        return new InviteView(
                stored.id(),
                token,
                inviteString,
                settings.publicBase() + WAYF_PATH + "?token=" + token,
                stored.description(),
                stored.email(),
                stored.expiresAt(),
                stored.createdAt(),
                stored.state());
    }

    /**
     * @param owner the calling user's login name
     * @return the owner's invites, newest first, without tokens
     * @throws InviteRefusedException 403 if {@code owner} is not the caller
     */
    public List<InviteView> list(String owner) {
        Callers.require(session, owner);
        Instant now = Clocks.storable().instant();
        return em.createNamedQuery(Invite.BY_OWNER, Invite.class)
                .setParameter("owner", owner)
                .getResultStream()
                .map(i -> i.view(now))
                .toList();
    }

    /**
     * Revokes an invite: from now on acceptances of it are answered 400 (unknown). Contacts it made
     * stay. Revoking a revoked invite changes nothing.
     *
     * @param owner the calling user's login name
     * @param id our id of the invite
     * @throws InviteRefusedException 403 if {@code owner} is not the caller, 404 if the owner has
     *     no such invite
     */
    public void revoke(String owner, String id) {
        Callers.require(session, owner);
        Invite invite = id == null ? null : em.find(Invite.class, id);
        if (invite == null || !invite.ownerName().equals(owner)) {
            throw new InviteRefusedException(404, "Invite rejected: you have no invite " + id);
        }
        if (invite.state() != Invite.State.REVOKED) {
            invite.revoke();
            LOG.log(Level.INFO, "OCM-0602 Invite {0} revoked by {1}", new Object[] {id, owner});
        }
    }

    /**
     * Accepts an invite from another server for the calling user (receiving role, OCM-NOTES §5.1
     * steps 3–5, checklist R111–R115).
     *
     * @param user the calling user's login name
     * @param token the Invite Token
     * @param providerDomain the inviting server, {@code host[:port]} (a scheme is tolerated)
     * @return the user's contact for the inviting user, made or refreshed
     * @throws InviteRefusedException 400 bad input, an invite of this server, or one the sender
     *     does not know or that has expired; 403 a server blocked here or one that does not trust
     *     this server; 409 accepted by someone else; 502 the sender cannot be reached or is no
     *     usable OCM server
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ContactView accept(String user, String token, String providerDomain) {
        Callers.require(session, user);
        String checkedToken = token(token);
        ProviderHost sender = sender(providerDomain);
        checkTrusted(sender);
        PeerDiscovery discovery = discover(sender);

        PeerHttpResponse answer = send(sender, discovery, acceptanceBody(user, checkedToken));
        JsonObject inviter = interpret(sender, answer);
        OcmAddress address = inviterAddress(sender, inviter);
        ContactView contact =
                save(
                        user,
                        address,
                        text(inviter, "name")
                                .filter(n -> !n.isBlank())
                                .orElse(address.identifier()),
                        text(inviter, "email").filter(e -> !e.isBlank()).orElse(null));
        events.inviteAccepted(user, contact.address(), contact.name(), true);
        LOG.log(
                Level.INFO,
                "OCM-0603 Invite of {0} accepted by {1}; contact {2}",
                new Object[] {sender.authority(), user, contact.address()});
        return contact;
    }

    /**
     * Accepts an invite given as an invite string (OCM-NOTES §5.2).
     *
     * @param user the calling user's login name
     * @param inviteString base64url of {@code token@host[:port]}, padded or not
     * @return as {@link #accept}
     * @throws InviteRefusedException 400 if the string cannot be read; otherwise as {@link #accept}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ContactView acceptInviteString(String user, String inviteString) {
        Callers.require(session, user);
        InviteString invite;
        try {
            invite = InviteString.decode(inviteString);
        } catch (InvalidInviteException e) {
            throw new InviteRefusedException(400, e.getMessage());
        }
        return accept(user, invite.token(), invite.provider().authority());
    }

    private static String token(String token) {
        if (token == null || token.isBlank()) {
            throw new InviteRefusedException(400, "Invite rejected: the token is empty");
        }
        if (token.length() > InviteAcceptance.MAX_TOKEN
                || token.chars().anyMatch(Character::isISOControl)) {
            throw new InviteRefusedException(
                    400, "Invite rejected: the token is too long or contains control characters");
        }
        return token;
    }

    private ProviderHost sender(String providerDomain) {
        ProviderHost sender;
        try {
            sender = ProviderHost.parse(providerDomain == null ? null : providerDomain.strip());
        } catch (InvalidOcmAddressException e) {
            throw new InviteRefusedException(
                    400,
                    "Invite rejected: the inviting server is not host[:port]: " + e.getMessage());
        }
        if (sender.authority().equals(settings.providerAuthority())) {
            throw new InviteRefusedException(
                    400,
                    "Invite rejected: this invite was made on this server; invites connect users of"
                            + " two different servers");
        }
        return sender;
    }

    private void checkTrusted(ProviderHost sender) {
        TrustDecision decision = trust.decide(sender);
        if (decision.blocked()) {
            throw new InviteRefusedException(
                    403,
                    "Invite rejected: "
                            + sender.authority()
                            + " is blocked by this server's trust policy ("
                            + decision.reason()
                            + ")");
        }
    }

    private PeerDiscovery discover(ProviderHost sender) {
        try {
            return peers.discover(sender);
        } catch (DiscoveryException e) {
            throw unreachable(sender, e.kind());
        }
    }

    private static InviteRefusedException unreachable(ProviderHost sender, Enum<?> kind) {
        if (kind == DiscoveryException.Kind.ADDRESS_REFUSED
                || kind == PeerHttpException.Kind.ADDRESS_REFUSED) {
            return new InviteRefusedException(
                    403,
                    "Invite acceptance failed: "
                            + sender.authority()
                            + " is not allowed by this server's outbound address policy");
        }
        String why =
                switch (kind.name()) {
                    case "OCM_DISABLED", "NOT_JSON", "INVALID_DOCUMENT", "HTTP_ERROR" ->
                            " is not a usable OCM server";
                    default -> " cannot be reached";
                };
        return new InviteRefusedException(
                502,
                "Invite acceptance failed: "
                        + sender.authority()
                        + why
                        + " ("
                        + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + "); try again later");
    }

    private byte[] acceptanceBody(String user, String token) {
        LocalUser me = directory.find(user).orElse(new LocalUser(user, user, Optional.empty()));
        return Json.createObjectBuilder()
                .add("recipientProvider", settings.providerAuthority())
                .add("token", token)
                .add("userID", user)
                .add("email", me.email().orElse(""))
                .add("name", me.displayName())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private PeerHttpResponse send(ProviderHost sender, PeerDiscovery discovery, byte[] body) {
        try {
            return peers.post(
                    sender, discovery.endpoint("invite-accepted"), "application/json", body);
        } catch (PeerHttpException e) {
            throw unreachable(sender, e.kind());
        } catch (DiscoveryException e) {
            throw unreachable(sender, e.kind());
        }
    }

    /** Maps the sender's answer (§5.3; Reva answers 404 for an unknown token, Q26). */
    private static JsonObject interpret(ProviderHost sender, PeerHttpResponse answer) {
        String host = sender.authority();
        String detail = peerMessage(answer).map(m -> " (" + host + " said: " + m + ")").orElse("");
        return switch (answer.status()) {
            case 200, 201 ->
                    json(answer)
                            .orElseThrow(
                                    () ->
                                            new InviteRefusedException(
                                                    502,
                                                    "Invite acceptance failed: "
                                                            + host
                                                            + " accepted but answered no JSON"
                                                            + " object"));
            case 400, 404 ->
                    throw new InviteRefusedException(
                            400,
                            "Invite rejected by "
                                    + host
                                    + ": the invite is unknown, revoked or expired; ask for a new"
                                    + " one"
                                    + detail);
            case 403 ->
                    throw new InviteRefusedException(
                            403,
                            "Invite rejected by "
                                    + host
                                    + ": it does not trust this server"
                                    + detail);
            case 409 ->
                    throw new InviteRefusedException(
                            409,
                            "Invite rejected by "
                                    + host
                                    + ": the invite was already accepted by someone else"
                                    + detail);
            case 401 ->
                    throw new InviteRefusedException(
                            502,
                            "Invite acceptance failed: "
                                    + host
                                    + " did not accept this server's signature"
                                    + detail);
            default ->
                    throw new InviteRefusedException(
                            502,
                            "Invite acceptance failed: "
                                    + host
                                    + " answered "
                                    + answer.status()
                                    + "; try again later"
                                    + detail);
        };
    }

    private static OcmAddress inviterAddress(ProviderHost sender, JsonObject inviter) {
        String userId =
                text(inviter, "userID")
                        .or(() -> text(inviter, "userId"))
                        .filter(id -> !id.isBlank())
                        .orElseThrow(
                                () ->
                                        new InviteRefusedException(
                                                502,
                                                "Invite acceptance failed: "
                                                        + sender.authority()
                                                        + " accepted but named no userID"));
        try {
            return new OcmAddress(UserIds.normalise(userId, sender), sender);
        } catch (InvalidOcmAddressException e) {
            throw new InviteRefusedException(
                    502,
                    "Invite acceptance failed: "
                            + sender.authority()
                            + " answered an unusable userID");
        }
    }

    private ContactView save(String user, OcmAddress address, String name, String email) {
        String shortName = name.length() <= 255 ? name : name.substring(0, 255);
        String shortEmail = email == null || email.length() <= MAX_EMAIL ? email : null;
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<ContactView> saved = ledger.saveContact(user, address, shortName, shortEmail);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new IllegalStateException(
                "contact " + address + " of " + user + " could not be saved after retries");
    }

    private static Optional<JsonObject> json(PeerHttpResponse answer) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(answer.body()))) {
            return reader.readValue() instanceof JsonObject object
                    ? Optional.of(object)
                    : Optional.empty();
        } catch (RuntimeException e) { // parser failures of any kind, nesting limit included
            return Optional.empty();
        }
    }

    /** The peer's {@code message}, echoed only when short and printable. */
    private static Optional<String> peerMessage(PeerHttpResponse answer) {
        return json(answer)
                .flatMap(o -> text(o, "message").or(() -> text(o, "error")))
                .map(String::strip)
                .filter(m -> !m.isEmpty() && m.length() <= MAX_PEER_TEXT)
                .filter(m -> m.chars().allMatch(c -> c >= 0x20 && c != 0x7f));
    }

    private static Optional<String> text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string
                ? Optional.of(string.getString())
                : Optional.empty();
    }

    private static String optionalText(Optional<String> value, String name, int max) {
        if (value == null || value.isEmpty() || value.get().isBlank()) {
            return null;
        }
        String text = value.get().strip();
        if (text.length() > max) {
            throw new InviteRefusedException(
                    400, "Invite rejected: " + name + " is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InviteRefusedException(
                    400, "Invite rejected: " + name + " contains control characters");
        }
        return text;
    }

    private Duration lifetime(Optional<Long> seconds) {
        if (seconds == null || seconds.isEmpty()) {
            return settings.inviteDefaultExpiry();
        }
        long value = seconds.get();
        if (value < OcmSettings.INVITE_MIN_EXPIRY || value > OcmSettings.INVITE_MAX_EXPIRY) {
            throw new InviteRefusedException(
                    400,
                    "Invite rejected: expiresInSeconds must be between "
                            + OcmSettings.INVITE_MIN_EXPIRY
                            + " and "
                            + OcmSettings.INVITE_MAX_EXPIRY);
        }
        return Duration.ofSeconds(value);
    }
}
