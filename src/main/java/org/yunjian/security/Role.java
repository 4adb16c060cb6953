package org.yunjian.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Platform roles. The three administrator roles follow 等保 separation of duties and are mutually
 * exclusive; {@link #USER} is a business user who belongs to an organisation and whose rights inside
 * an engagement follow the organisation's role there.
 */
public enum Role {
    /** 系统管理员: organisations, cloud systems, engagements, imports. */
    SYSTEM_ADMIN,
    /** 安全管理员: user accounts, role assignment, unlocking, security policy. */
    SECURITY_ADMIN,
    /** 审计管理员: reads and verifies the audit log, nothing else. */
    AUDIT_ADMIN,
    /** 业务用户: member of an organisation. */
    USER;

    public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
