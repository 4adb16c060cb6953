-- Issue 57 (organisations own their membership). No organisation adds people to another: to involve an organisation
-- already on the platform, the system's customer sends it a participation request for an engagement and a role; the
-- receiving organisation's administrators accept it (choosing which of their people take it) or decline it with a
-- reason. Requests are never deleted; their status moves once, from PENDING.
CREATE TABLE participation_request (
    id                 UUID          NOT NULL PRIMARY KEY,
    system_id          UUID          NOT NULL REFERENCES cloud_system (id) ON DELETE CASCADE,
    engagement_id      UUID          NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    party_role         VARCHAR(40)   NOT NULL,
    organization_id    UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    requesting_org_id  UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    requested_by       UUID          NOT NULL,
    message            VARCHAR(1000),
    status             VARCHAR(16)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at         TIMESTAMP WITH TIME ZONE,
    decided_by         UUID,
    reason             VARCHAR(1000),
    CONSTRAINT ck_participation_request_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'))
);
CREATE INDEX ix_participation_request_org ON participation_request (organization_id, status);
CREATE INDEX ix_participation_request_requesting ON participation_request (requesting_org_id, created_at);

-- The people of an organisation assigned to a system (the receiving administrators' choice when they accept a
-- request; more assignment sources follow with need-to-know visibility). A person is assigned once per system.
CREATE TABLE system_assignment (
    system_id          UUID          NOT NULL REFERENCES cloud_system (id) ON DELETE CASCADE,
    user_id            UUID          NOT NULL,
    organization_id    UUID          NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    assigned_by        UUID,
    assigned_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (system_id, user_id)
);
CREATE INDEX ix_system_assignment_user ON system_assignment (user_id);

-- An invitation still pending that would bring a person into another organisation already on the platform is
-- withdrawn by the upgrade: such a link must not make an account of that organisation any more.
UPDATE invitation SET revoked_at = CURRENT_TIMESTAMP, revoked_by = 'system:upgrade'
WHERE organization_id IS NOT NULL AND organization_id <> inviting_org_id
  AND accepted_at IS NULL AND revoked_at IS NULL;
