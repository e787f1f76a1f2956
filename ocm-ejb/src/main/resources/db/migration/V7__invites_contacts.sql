-- Invites and contacts (OCM-NOTES §5), and what discovery tells about a peer's invite dialog.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- An invite a local user made. The token itself is never stored, only its SHA-256 (hex): it is
-- shown once when the invite is made. An invite is accepted at most once: accepting flips state
-- from pending to accepted under the version column (optimistic locking), so of concurrent
-- acceptances exactly one wins; accepted_server/accepted_user name the receiver, whose repeated
-- acceptance is answered again (README, "Invites, contacts and trust").
CREATE TABLE ocm_invite (
    id               VARCHAR(36)   NOT NULL,
    owner_name       VARCHAR(255)  NOT NULL,
    token_hash       VARCHAR(64)   NOT NULL,
    description      VARCHAR(1000),
    email            VARCHAR(320),
    state            VARCHAR(16)   NOT NULL,
    accepted_server  VARCHAR(300),
    accepted_user    VARCHAR(1024),
    accepted_at      TIMESTAMP WITH TIME ZONE,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_ocm_invite PRIMARY KEY (id),
    CONSTRAINT uq_ocm_invite_token UNIQUE (token_hash)
);
CREATE INDEX ix_ocm_invite_owner ON ocm_invite (owner_name, created_at);

-- A federated contact of a local user. One row per (user, address): the unique key is what keeps
-- concurrent acceptances by the same receiver from making two contacts.
CREATE TABLE ocm_contact (
    id               VARCHAR(36)   NOT NULL,
    owner_name       VARCHAR(255)  NOT NULL,
    address          VARCHAR(1400) NOT NULL,
    provider         VARCHAR(300)  NOT NULL,
    display_name     VARCHAR(255)  NOT NULL,
    email            VARCHAR(320),
    invite_id        VARCHAR(36),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_ocm_contact PRIMARY KEY (id),
    CONSTRAINT uq_ocm_contact_owner_address UNIQUE (owner_name, address)
);

ALTER TABLE ocm_peer ADD COLUMN invite_accept_dialog VARCHAR(2000);
