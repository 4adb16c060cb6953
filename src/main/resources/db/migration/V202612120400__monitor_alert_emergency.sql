-- The emergency handling of a tampering or harmful-content alert (issue 59; 政府网站云计算服务安全指南 7.3.7 b) 1),
-- 8.5 d)): each step done — the plan started, reported to the provider and to the leadership, site stopped, backup
-- system started, and in serious cases reported to the emergency office and the authorities — is one row, with when it
-- was done, to whom or how, who recorded it and when. Rows are only ever added; one row per step and alert.
CREATE TABLE monitor_alert_emergency (
    id            UUID                     NOT NULL PRIMARY KEY,
    alert_id      UUID                     NOT NULL REFERENCES monitor_alert (id) ON DELETE CASCADE,
    step          VARCHAR(40)              NOT NULL,
    done_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    note          VARCHAR(2000),
    plan_id       UUID,
    plan_scenario VARCHAR(500),
    recorded_by   VARCHAR(100)             NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_monitor_alert_emergency_step UNIQUE (alert_id, step)
);
