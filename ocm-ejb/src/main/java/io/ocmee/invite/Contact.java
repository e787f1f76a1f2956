package io.ocmee.invite;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A federated contact of a local user: the other side of an accepted invite. Equality is on the
 * business key (owner, address), which the database keeps unique.
 */
@Entity
@Cacheable(false)
@Table(name = "ocm_contact")
@NamedQuery(
        name = Contact.BY_OWNER,
        query = "SELECT c FROM Contact c WHERE c.ownerName = :owner ORDER BY c.createdAt DESC")
@NamedQuery(
        name = Contact.BY_OWNER_ADDRESS,
        query = "SELECT c FROM Contact c WHERE c.ownerName = :owner AND c.address = :address")
public class Contact {

    static final String BY_OWNER = "Contact.byOwner";
    static final String BY_OWNER_ADDRESS = "Contact.byOwnerAddress";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "owner_name", nullable = false, length = 255)
    private String ownerName;

    @Column(name = "address", nullable = false, length = 1400)
    private String address;

    @Column(name = "provider", nullable = false, length = 300)
    private String provider;

    @Column(name = "display_name", nullable = false, length = 255)
    private String displayName;

    @Column(name = "email", length = 320)
    private String email;

    @Column(name = "invite_id", length = 36)
    private String inviteId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Contact() {}

    Contact(
            String ownerName,
            String address,
            String provider,
            String displayName,
            String email,
            String inviteId,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.ownerName = Objects.requireNonNull(ownerName, "ownerName");
        this.address = Objects.requireNonNull(address, "address");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        this.inviteId = inviteId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String ownerName() {
        return ownerName;
    }

    String address() {
        return address;
    }

    void refresh(String displayName, String email, String inviteId, Instant now) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = email;
        if (inviteId != null) {
            this.inviteId = inviteId;
        }
        this.updatedAt = now;
    }

    ContactView view() {
        return new ContactView(id, address, displayName, email, provider, createdAt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contact that
                && ownerName.equals(that.ownerName)
                && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerName, address);
    }
}
