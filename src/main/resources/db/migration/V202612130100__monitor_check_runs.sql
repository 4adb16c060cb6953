-- which checks a monitor performed against a criterion, per hour (UTC): how many runs, the last one and the longest gap
-- before a run since the kind's previous run (issue 59: a month offers, counts and claims a control only when its
-- covering checks ran in it, at the cadence the clause asks). One row per monitor, check kind and hour.
CREATE TABLE monitor_check_hour (
    monitor_id          UUID                     NOT NULL REFERENCES monitor (id) ON DELETE CASCADE,
    kind                VARCHAR(30)              NOT NULL,
    hour_start          TIMESTAMP WITH TIME ZONE NOT NULL,
    runs                BIGINT                   NOT NULL,
    last_run_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    longest_gap_seconds BIGINT                   NOT NULL,
    PRIMARY KEY (monitor_id, kind, hour_start)
);
