package org.yunjian.security;

/**
 * Accounts for tests, each through the path that may create it: an administrator account as the platform's 安全管理员
 * does ({@link UserAdministration#create}), a business account as its organisation's 组织管理员 does — the platform's
 * administrators cannot (issue 57), so the suite's fixtures take the organisation's own path, without acting as one
 * of its administrators.
 */
public final class TestAccounts {

    private TestAccounts() {}

    public static UserView create(UserAdministration users, UserAdministration.NewUser user) {
        return user.role() == Role.USER ? users.createMember(user) : users.create(user);
    }

    /** Enables or disables a business account as its organisation's 组织管理员 does. */
    public static UserView setEnabled(UserAdministration users, java.util.UUID member, boolean enabled) {
        return users.updateMember(
                member,
                org.yunjian.shared.version.ExpectedVersion.exactly(
                        users.get(member).version()),
                new UserAdministration.Change(null, null, null, enabled));
    }
}
