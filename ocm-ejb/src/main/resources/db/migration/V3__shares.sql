-- Shares this server sent (sending role) and received (receiving role), OCM-NOTES §3 and §4.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- A share a local user made with a user or group of another server. The shared secret itself is
-- never stored: only its SHA-256 (hex), to recognise it in legacy notifications and later in
-- WebDAV access. provider_id is the opaque id sent as providerId (unique per share, §3.3).
CREATE TABLE ocm_outgoing_share (
    id                      VARCHAR(36)   NOT NULL,
    provider_id             VARCHAR(64)   NOT NULL,
    owner_name              VARCHAR(255)  NOT NULL,
    share_with              VARCHAR(1024) NOT NULL,
    peer                    VARCHAR(300)  NOT NULL,
    resource_path           VARCHAR(4096) NOT NULL,
    resource_name           VARCHAR(1024) NOT NULL,
    resource_type           VARCHAR(16)   NOT NULL,
    sent_resource_type      VARCHAR(16)   NOT NULL,
    share_type              VARCHAR(16)   NOT NULL,
    permissions             VARCHAR(64)   NOT NULL,
    secret_hash             VARCHAR(64)   NOT NULL,
    state                   VARCHAR(16)   NOT NULL,
    error                   VARCHAR(1000),
    recipient_display_name  VARCHAR(255),
    expires_at              TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT        NOT NULL,
    CONSTRAINT pk_ocm_outgoing_share PRIMARY KEY (id),
    CONSTRAINT uq_ocm_outgoing_share_provider_id UNIQUE (provider_id),
    CONSTRAINT uq_ocm_outgoing_share_secret UNIQUE (secret_hash)
);
CREATE INDEX ix_ocm_outgoing_share_owner ON ocm_outgoing_share (owner_name, created_at);
CREATE INDEX ix_ocm_outgoing_share_peer ON ocm_outgoing_share (peer);

-- A share another server made with a local user. (sender_server, provider_id) identifies it, so
-- a repeated share creation notification finds the first one (idempotency). The shared secret is
-- kept as received: it is the sender's credential for our access to its resource and must be sent
-- back in legacy notifications (OCM-NOTES §11 Q8); secret_hash finds it in those notifications.
CREATE TABLE ocm_incoming_share (
    id                      VARCHAR(36)   NOT NULL,
    recipient               VARCHAR(255)  NOT NULL,
    sender_server           VARCHAR(300)  NOT NULL,
    provider_id             VARCHAR(255)  NOT NULL,
    name                    VARCHAR(1024) NOT NULL,
    owner                   VARCHAR(1024) NOT NULL,
    owner_display_name      VARCHAR(255),
    sender                  VARCHAR(1024) NOT NULL,
    sender_display_name     VARCHAR(255),
    share_type              VARCHAR(16)   NOT NULL,
    resource_type           VARCHAR(16)   NOT NULL,
    permissions             VARCHAR(64)   NOT NULL,
    protocol_shape          VARCHAR(16)   NOT NULL,
    webdav_uri              VARCHAR(2048),
    shared_secret           VARCHAR(1024) NOT NULL,
    secret_hash             VARCHAR(64)   NOT NULL,
    requirements            VARCHAR(200),
    state                   VARCHAR(16)   NOT NULL,
    expires_at              TIMESTAMP WITH TIME ZONE,
    received_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT        NOT NULL,
    CONSTRAINT pk_ocm_incoming_share PRIMARY KEY (id),
    CONSTRAINT uq_ocm_incoming_share_origin UNIQUE (sender_server, provider_id)
);
CREATE INDEX ix_ocm_incoming_share_recipient ON ocm_incoming_share (recipient, received_at);
CREATE INDEX ix_ocm_incoming_share_secret ON ocm_incoming_share (secret_hash);
