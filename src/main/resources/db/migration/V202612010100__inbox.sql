-- 我的待办 (issue 35): the inbox's read model over the modules' WorkSnapshot events. One row per open task; a task
-- that closes is deleted (the object it was about keeps its own history and the audit log records the action that
-- closed it). work_scope serialises the snapshots of one scope (its row is locked while a snapshot is applied),
-- so two transactions never open the same task twice.

CREATE TABLE work_scope (
    scope      VARCHAR(200)             NOT NULL PRIMARY KEY,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE work_task (
    id              UUID                     NOT NULL PRIMARY KEY,
    scope           VARCHAR(200)             NOT NULL,
    task_key        VARCHAR(200)             NOT NULL,
    kind            VARCHAR(200)             NOT NULL,
    args            VARCHAR(8000)            NOT NULL,
    href            VARCHAR(1000)            NOT NULL,
    to_user         UUID,
    to_organization UUID,
    to_role         VARCHAR(40),
    except_users    VARCHAR(1000),
    due             DATE,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT work_task_scope_key UNIQUE (scope, task_key)
);
CREATE INDEX work_task_user ON work_task (to_user);
CREATE INDEX work_task_organization ON work_task (to_organization);
CREATE INDEX work_task_role ON work_task (to_role);
