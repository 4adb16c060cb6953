-- Website security monitoring (issue 38; 政府网站云计算服务安全指南 8.4.1 安全监测): a cloud system's monitors, each a
-- page or endpoint probed on an interval; the baseline its customer approved (tampering is judged against it); every
-- probe's result with the SM3 digest of what the site answered; and the alerts the probes raise, each of one check
-- kind and subject, acknowledged and closed with a note by the organisations responsible.
CREATE TABLE monitor (
    id                    UUID                     NOT NULL PRIMARY KEY,
    system_id             UUID                     NOT NULL REFERENCES cloud_system (id),
    name                  VARCHAR(200)             NOT NULL,
    url                   VARCHAR(2000)            NOT NULL,
    method                VARCHAR(8)               NOT NULL,
    expected_status       INTEGER                  NOT NULL,
    keyword               VARCHAR(200),
    interval_seconds      INTEGER                  NOT NULL,
    timeout_seconds       INTEGER                  NOT NULL,
    crawl_depth           INTEGER                  NOT NULL,
    failures_before_alert INTEGER                  NOT NULL,
    dynamic_regions       VARCHAR(2000),            -- CSS selectors, one per line: changes there are no tampering
    allowed_hosts         VARCHAR(2000),            -- host names links, scripts and redirects may go to, one per line
    paused                BOOLEAN                  NOT NULL,
    consecutive_failures  INTEGER                  NOT NULL,
    next_run_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at           TIMESTAMP WITH TIME ZONE,
    last_outcome          VARCHAR(30),
    created_by            VARCHAR(100)             NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER                  NOT NULL
);
CREATE INDEX ix_monitor_system ON monitor (system_id, name);
CREATE INDEX ix_monitor_due ON monitor (paused, next_run_at);

-- the approved content: the page's normalised text and its resources' digests (JSON); a new approval supersedes
CREATE TABLE monitor_baseline (
    id            UUID                     NOT NULL PRIMARY KEY,
    monitor_id    UUID                     NOT NULL REFERENCES monitor (id) ON DELETE CASCADE,
    content       VARCHAR(1000000)         NOT NULL,
    text_sm3      VARCHAR(64)              NOT NULL,
    approved_by   VARCHAR(100)             NOT NULL,
    approved_org  UUID                     NOT NULL,
    approved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_monitor_baseline ON monitor_baseline (monitor_id, approved_at);

-- one probe: when, how long, what came back (status, outcome, the SM3 of the raw response as received, its size)
CREATE TABLE monitor_probe (
    id           UUID                     NOT NULL PRIMARY KEY,
    monitor_id   UUID                     NOT NULL REFERENCES monitor (id) ON DELETE CASCADE,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms  BIGINT                   NOT NULL,
    outcome      VARCHAR(30)              NOT NULL,
    http_status  INTEGER,
    body_sm3     VARCHAR(64),
    body_bytes   BIGINT                   NOT NULL,
    findings     INTEGER                  NOT NULL,
    node         VARCHAR(200)
);
CREATE INDEX ix_monitor_probe ON monitor_probe (monitor_id, started_at);

-- an alert: of a check kind and a subject (the same finding found again touches it, never a second one while open)
CREATE TABLE monitor_alert (
    id              UUID                     NOT NULL PRIMARY KEY,
    monitor_id      UUID                     NOT NULL REFERENCES monitor (id) ON DELETE CASCADE,
    system_id       UUID                     NOT NULL REFERENCES cloud_system (id),
    kind            VARCHAR(30)              NOT NULL,
    subject         VARCHAR(2000)            NOT NULL,
    message         VARCHAR(4000)            NOT NULL, -- Msg encoded: rendered in the reader's language
    detail          VARCHAR(200000),
    status          VARCHAR(20)              NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_probe    UUID,
    acknowledged_by VARCHAR(100),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(100),
    closed_at       TIMESTAMP WITH TIME ZONE,
    close_note      VARCHAR(2000),
    version         INTEGER                  NOT NULL
);
CREATE INDEX ix_monitor_alert_monitor ON monitor_alert (monitor_id, status, kind);
CREATE INDEX ix_monitor_alert_system ON monitor_alert (system_id, status, opened_at);
