-- Two application nodes (issue 15): each serving node's heartbeat, so that a node brought up on a restored
-- database can refuse while another node is still writing to it; and the failed-login throttle per source
-- address, shared by the nodes when sessions are in the database (yunjian.sessions.store=database).

CREATE TABLE cluster_node (
    node    VARCHAR(200)             NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE login_throttle (
    address       VARCHAR(100)             NOT NULL PRIMARY KEY,
    failures      INTEGER                  NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE,
    last_failure  TIMESTAMP WITH TIME ZONE,
    blocked_until TIMESTAMP WITH TIME ZONE,
    block_level   INTEGER                  NOT NULL
);
CREATE INDEX login_throttle_last ON login_throttle (last_failure);
