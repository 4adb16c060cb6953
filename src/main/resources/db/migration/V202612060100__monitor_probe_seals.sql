-- Sealed probe results (issue 38: every probe result stored as sealed evidence). Each probe from now on carries its
-- place in its monitor's chain, the seal before it, its seal (SM3 over the probe's fields, the place and the seal
-- before: org.yunjian.monitoring.ProbeChain) and the platform's SM2 signature of the seal (base64). Probes stored
-- before this migration keep NULL there: "not sealed", never sealed after the fact. The monitor keeps its chain's head
-- (how many probes are sealed, the last seal): appends to one chain move it with a conditional update, one at a time,
-- and probes removed from the chain's end show against it.
ALTER TABLE monitor_probe ADD COLUMN chain_seq BIGINT;
ALTER TABLE monitor_probe ADD COLUMN previous_seal VARCHAR(64);
ALTER TABLE monitor_probe ADD COLUMN seal VARCHAR(64);
ALTER TABLE monitor_probe ADD COLUMN seal_signature VARCHAR(200);
CREATE UNIQUE INDEX uq_monitor_probe_chain ON monitor_probe (monitor_id, chain_seq);
ALTER TABLE monitor ADD COLUMN chain_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE monitor ADD COLUMN chain_head VARCHAR(64);

-- The responses behind the SM3 of the probes that matter (one that opened an alert, the content a baseline approved),
-- byte for byte as received within the fetch limits, one row per SM3: an unchanged page stores nothing new.
CREATE TABLE monitor_response (
    sm3        CHAR(64)                 NOT NULL PRIMARY KEY,
    content    BYTEA                    NOT NULL,
    size_bytes BIGINT                   NOT NULL,
    kept_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
