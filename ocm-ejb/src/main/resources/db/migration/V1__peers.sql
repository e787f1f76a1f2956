-- Remote OCM servers this server has discovered or been told about (OCM-NOTES §9.1).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE ocm_peer (
    id               VARCHAR(36)  NOT NULL,
    authority        VARCHAR(300) NOT NULL,
    trust_state      VARCHAR(16)  NOT NULL,
    trust_source     VARCHAR(16),
    api_version      VARCHAR(32),
    end_point        VARCHAR(2000),
    provider_name    VARCHAR(255),
    capabilities     VARCHAR(2000),
    criteria         VARCHAR(2000),
    last_error       VARCHAR(1000),
    first_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT pk_ocm_peer PRIMARY KEY (id),
    CONSTRAINT uq_ocm_peer_authority UNIQUE (authority)
);
