-- Resource access on the sending side (issue 5, OCM-NOTES §6, §8): shares that demand token
-- exchange, the count of exchanges per share, and the bearer tokens handed out by the token
-- endpoint. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.

-- must_exchange_token: the share was sent with the webdav requirement must-exchange-token, so its
-- WebDAV endpoint accepts only exchanged tokens, never the raw shared secret.
-- token_exchanges: how many access tokens the token endpoint issued for the share.
ALTER TABLE ocm_outgoing_share ADD COLUMN must_exchange_token BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ocm_outgoing_share ADD COLUMN token_exchanges BIGINT DEFAULT 0 NOT NULL;

-- An access token issued for one outgoing share (Code Flow, §6). The token itself is never stored:
-- only its SHA-256 (hex). Rows are deleted when the share is revoked or loses permissions, and
-- expired rows are purged at the next exchange.
CREATE TABLE ocm_access_token (
    token_hash   VARCHAR(64)  NOT NULL,
    share_id     VARCHAR(36)  NOT NULL,
    client_id    VARCHAR(300) NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ocm_access_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_ocm_access_token_share FOREIGN KEY (share_id)
        REFERENCES ocm_outgoing_share (id) ON DELETE CASCADE
);
CREATE INDEX ix_ocm_access_token_share ON ocm_access_token (share_id);
CREATE INDEX ix_ocm_access_token_expires ON ocm_access_token (expires_at);
