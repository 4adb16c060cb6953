-- Need to know (issue 57): a person sees the systems of their organisation they are assigned to (system_assignment),
-- or all of them if an administrator of the organisation gave them this grant (its administrators hold it anyway).
CREATE TABLE visibility_grant (
    user_id         UUID                     NOT NULL PRIMARY KEY,
    organization_id UUID                     NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    granted_by      UUID,
    granted_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_visibility_grant_organization ON visibility_grant (organization_id);
CREATE INDEX ix_system_assignment_organization ON system_assignment (organization_id);

-- The upgrade: every business account is assigned to the systems it already works on, so that it still sees them
-- (and nothing else): an assessment it assesses or created, an exit project or a lifecycle plan it created, a duty
-- it owns, completed or accepted, and a system or engagement it created or changed (the audit log's record of it);
-- only systems its organisation still takes part in (customer, provider, agent or engagement participant).
INSERT INTO system_assignment (system_id, user_id, organization_id, assigned_by, assigned_at)
SELECT DISTINCT w.system_id, u.id, u.organization_id, CAST(NULL AS UUID), CURRENT_TIMESTAMP
FROM (
    SELECT a.system_id AS system_id, x.user_id AS user_id
    FROM assessment_assessor x JOIN assessment a ON a.id = x.assessment_id
    UNION SELECT a.system_id, a.created_by FROM assessment a WHERE a.created_by IS NOT NULL
    UNION SELECT p.system_id, p.created_by FROM exit_project p WHERE p.created_by IS NOT NULL
    UNION SELECT l.system_id, l.created_by FROM lifecycle_plan l WHERE l.created_by IS NOT NULL
    UNION SELECT l.system_id, d.owner_id FROM lifecycle_duty d JOIN lifecycle_plan l ON l.id = d.plan_id
          WHERE d.owner_id IS NOT NULL
    UNION SELECT l.system_id, d.completed_by FROM lifecycle_duty d JOIN lifecycle_plan l ON l.id = d.plan_id
          WHERE d.completed_by IS NOT NULL
    UNION SELECT l.system_id, d.accepted_by FROM lifecycle_duty d JOIN lifecycle_plan l ON l.id = d.plan_id
          WHERE d.accepted_by IS NOT NULL
    UNION SELECT s.id, ua.id FROM audit_event e
          JOIN user_account ua ON ua.username = e.username
          JOIN cloud_system s ON CAST(s.id AS VARCHAR(36)) = e.object_id
          WHERE e.object_type = 'system' AND e.outcome = 'SUCCESS'
    UNION SELECT g.system_id, ua.id FROM audit_event e
          JOIN user_account ua ON ua.username = e.username
          JOIN engagement g ON CAST(g.id AS VARCHAR(36)) = e.object_id
          WHERE e.object_type = 'engagement' AND e.outcome = 'SUCCESS'
) w
JOIN user_account u ON u.id = w.user_id AND u.role = 'USER' AND u.organization_id IS NOT NULL
WHERE (EXISTS (SELECT 1 FROM cloud_system s WHERE s.id = w.system_id
               AND (s.customer_id = u.organization_id OR s.provider_id = u.organization_id))
       OR EXISTS (SELECT 1 FROM cloud_system_agent ag WHERE ag.system_id = w.system_id
                  AND ag.organization_id = u.organization_id)
       OR EXISTS (SELECT 1 FROM engagement g JOIN engagement_participant pp ON pp.engagement_id = g.id
                  WHERE g.system_id = w.system_id AND pp.organization_id = u.organization_id))
  AND NOT EXISTS (SELECT 1 FROM system_assignment sa WHERE sa.system_id = w.system_id AND sa.user_id = u.id);

-- A task addressed to an organisation about one system reaches only those of it who see the system.
ALTER TABLE work_task ADD COLUMN to_system UUID;
