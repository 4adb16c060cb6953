-- issue 36 catalog (L-6): the migration plan's risk register. The government-website guide's 5.2.1 a)–g) describe the
-- risks of moving a website to the cloud; they are no duty (nobody completes or accepts "系统不一致。……"), so the
-- register lists each, quoted from the catalog, and keeps the customer's assessment of it per system: likelihood,
-- impact, treatment and the organisation that owns the treatment. A row exists once a risk is assessed.

CREATE TABLE lifecycle_migration_risk (
    system_id   UUID          NOT NULL REFERENCES cloud_system (id),
    risk_id     VARCHAR(100)  NOT NULL,
    likelihood  VARCHAR(16)   NOT NULL,
    impact      VARCHAR(16)   NOT NULL,
    treatment   VARCHAR(2000),
    owner_org   UUID          REFERENCES organization (id),
    updated_by  VARCHAR(200)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     INTEGER       DEFAULT 1 NOT NULL,
    PRIMARY KEY (system_id, risk_id)
);
