-- This server's own signing keys (issue "Signed requests"). Private keys are stored encrypted
-- with AES-256-GCM under a key-encryption key kept outside the database (README, "Keys").
CREATE TABLE ocm_server_key (
    kid              VARCHAR(200) NOT NULL,
    algorithm        VARCHAR(40)  NOT NULL,
    purpose          VARCHAR(16)  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    public_jwk       VARCHAR(4000) NOT NULL,
    private_key      VARCHAR(8000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    activate_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retiring_since   TIMESTAMP WITH TIME ZONE,
    published_until  TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_ocm_server_key PRIMARY KEY (kid)
);

-- A peer that has once signed must keep signing (OCM-NOTES §11 Q7).
ALTER TABLE ocm_peer ADD COLUMN has_signed BOOLEAN DEFAULT FALSE NOT NULL;
