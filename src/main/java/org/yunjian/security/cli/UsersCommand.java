package org.yunjian.security.cli;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.security.AdminRequest;
import org.yunjian.security.AdministratorApprovals;
import org.yunjian.security.FirstAdministratorSetup;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.FieldErrors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yunjian users ...}: local account administration for the operator of the installation. */
@Component
@Command(name = "users", description = "Manage user accounts (list, create, unlock, reset-password, setup-token, "
        + "requests, approve, reject).",
        mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Create.class, UsersCommand.Unlock.class,
                UsersCommand.ResetPassword.class, UsersCommand.SetupToken.class, UsersCommand.Requests.class,
                UsersCommand.Approve.class, UsersCommand.Reject.class})
public class UsersCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List all accounts.")
    static class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        private final UserAdministration users;

        ListUsers(UserAdministration users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-36s  %-24s  %-14s  %-8s  %s%n", "ID", "USERNAME", "ROLE", "STATE", "DISPLAY NAME");
            for (UserView u : users.list()) {
                String state = !u.enabled() ? "disabled" : u.locked() ? "locked" : "active";
                out.printf("%-36s  %-24s  %-14s  %-8s  %s%n", u.id(), u.username(), u.role(), state, u.displayName());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "create", description = "Create an account; the password must be changed at first login.")
    static class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "user name")
        String username;
        @Option(names = "--display-name", required = true, description = "display name")
        String displayName;
        @Option(names = "--role", required = true, description = "one of ${COMPLETION-CANDIDATES}")
        Role role;
        @Option(names = "--organization", description = "organisation id (required for role USER)")
        UUID organizationId;
        @Option(names = "--password", arity = "0..1", interactive = true,
                description = "initial password (prompted if given without value; generated if omitted)")
        String password;
        private final UserAdministration users;

        Create(UserAdministration users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            String pw = password == null ? temporaryPassword() : password;
            try {
                UserView u = users.create(new UserAdministration.NewUser(username, displayName, role, organizationId,
                        pw));
                var out = spec.commandLine().getOut();
                out.println("Created " + u.username() + " (" + u.role() + ") id " + u.id());
                if (u.awaitingApproval()) {
                    out.println("Administrator account awaiting approval by a second administrator (two-person rule): "
                            + "request " + u.pendingRequest() + "; it cannot log in before it is approved.");
                }
                if (password == null) {
                    out.println("Temporary password (must be changed at first login): " + pw);
                }
                out.flush();
                return 0;
            } catch (FieldErrors.ValidationException e) {
                return invalid(spec, e);
            }
        }
    }

    @Command(name = "unlock", description = "Unlock an account locked after failed logins.")
    static class Unlock implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "user name")
        String username;
        private final UserAdministration users;

        Unlock(UserAdministration users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            UserView u = find(users, spec, username);
            if (u == null) {
                return 1;
            }
            users.unlock(u.id());
            spec.commandLine().getOut().println("Unlocked " + u.username());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Set a new password that must be changed at next login.")
    static class ResetPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "user name")
        String username;
        @Option(names = "--password", arity = "0..1", interactive = true,
                description = "new password (prompted if given without value; generated if omitted)")
        String password;
        private final UserAdministration users;

        ResetPassword(UserAdministration users) {
            this.users = users;
        }

        @Override
        public Integer call() {
            UserView u = find(users, spec, username);
            if (u == null) {
                return 1;
            }
            String pw = password == null ? temporaryPassword() : password;
            try {
                users.resetPassword(u.id(), pw);
            } catch (FieldErrors.ValidationException e) {
                return invalid(spec, e);
            }
            var out = spec.commandLine().getOut();
            out.println("Password of " + u.username() + " reset; it must be changed at next login.");
            if (password == null) {
                out.println("Temporary password: " + pw);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "setup-token", description = "Print a fresh one-time set-up token if no security administrator exists.")
    static class SetupToken implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        private final FirstAdministratorSetup setup;

        SetupToken(FirstAdministratorSetup setup) {
            this.setup = setup;
        }

        @Override
        public Integer call() {
            if (!setup.isOpen()) {
                spec.commandLine().getErr().println("A security administrator exists already: set-up is closed.");
                spec.commandLine().getErr().flush();
                return 1;
            }
            var out = spec.commandLine().getOut();
            out.println(setup.issueToken());
            out.flush();
            return 0;
        }
    }

    @Command(name = "requests", description = "List administrator requests waiting for approval (two-person rule).")
    static class Requests implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        private final AdministratorApprovals approvals;

        Requests(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.printf("%-36s  %-24s  %-8s  %-14s  %s%n", "REQUEST", "USERNAME", "KIND", "ROLE", "REQUESTED BY");
            for (AdminRequest r : approvals.pending()) {
                out.printf("%-36s  %-24s  %-8s  %-14s  %s%n", r.id(), r.username(), r.kind(), r.requestedRole(),
                        r.requestedBy());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve an administrator request as the operator (cli:<os user>); "
            + "never one made from the command line by the same OS user.")
    static class Approve implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "request id (see 'users requests')")
        UUID id;
        private final AdministratorApprovals approvals;

        Approve(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public Integer call() {
            return decideOnCommandLine(spec, () -> approvals.approve(id), "Approved");
        }
    }

    @Command(name = "reject", description = "Reject an administrator request as the operator.")
    static class Reject implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "request id (see 'users requests')")
        UUID id;
        private final AdministratorApprovals approvals;

        Reject(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        public Integer call() {
            return decideOnCommandLine(spec, () -> approvals.reject(id), "Rejected");
        }
    }

    static int decideOnCommandLine(CommandSpec spec, java.util.function.Supplier<AdminRequest> decision, String verb) {
        try {
            AdminRequest r = decision.get();
            spec.commandLine().getOut().println(verb + ": " + r.kind() + " " + r.username() + " as "
                    + r.requestedRole() + " (requested by " + r.requestedBy() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (FieldErrors.ValidationException e) {
            return invalid(spec, e);
        } catch (org.springframework.security.access.AccessDeniedException | org.yunjian.shared.NotFoundException e) {
            spec.commandLine().getErr().println("Refused: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    static UserView find(UserAdministration users, CommandSpec spec, String username) {
        UserView u = users.list().stream().filter(v -> v.username().equals(username)).findFirst().orElse(null);
        if (u == null) {
            spec.commandLine().getErr().println("No such user: " + username);
            spec.commandLine().getErr().flush();
        }
        return u;
    }

    static int invalid(CommandSpec spec, FieldErrors.ValidationException e) {
        e.errors().forEach((field, message) -> spec.commandLine().getErr().println(field + ": " + message));
        spec.commandLine().getErr().flush();
        return 2;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 16 characters from all four classes, without look-alikes. */
    static String temporaryPassword() {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!#%+-=?@"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            String c = classes[i < 4 ? i : RANDOM.nextInt(classes.length)];
            sb.append(c.charAt(RANDOM.nextInt(c.length())));
        }
        return sb.toString();
    }
}
