-- The durable outbox: every message to a peer, written in the transaction of its cause and
-- delivered by a timer with retries (README, "Outbox"). Portable SQL: runs unchanged on H2 2.x and
-- PostgreSQL 15. Bodies are UTF-8 JSON kept as VARCHAR(1048576) rather than CLOB/TEXT: both
-- databases accept that length, and JPA maps it as a plain string on every provider.
CREATE TABLE ocm_outbox_message (
    id               VARCHAR(36)   NOT NULL,
    peer             VARCHAR(300)  NOT NULL,
    endpoint_path    VARCHAR(300)  NOT NULL,
    body             VARCHAR(1048576),
    kind             VARCHAR(64)   NOT NULL,
    subject_id       VARCHAR(200)  NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    give_up_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status      INTEGER,
    last_error       VARCHAR(1000),
    response_body    VARCHAR(4000),
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_ocm_outbox_message PRIMARY KEY (id)
);

-- The timer's question: which messages in a state are due?
CREATE INDEX ix_ocm_outbox_due ON ocm_outbox_message (state, next_attempt_at);
