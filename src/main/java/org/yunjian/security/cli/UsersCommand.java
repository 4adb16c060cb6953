package org.yunjian.security.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.security.Role;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.security.internal.admin.AdminRequest;
import org.yunjian.security.internal.admin.AdministratorApprovals;
import org.yunjian.security.internal.admin.FirstAdministratorSetup;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yunjian users ...}: local account administration for the operator of the installation. */
@Component
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        subcommands = {
            UsersCommand.ListUsers.class,
            UsersCommand.Create.class,
            UsersCommand.Unlock.class,
            UsersCommand.ResetPassword.class,
            UsersCommand.SetupToken.class,
            UsersCommand.Requests.class,
            UsersCommand.Approve.class,
            UsersCommand.Reject.class,
            ApiTokenCommands.ListTokens.class,
            ApiTokenCommands.RevokeToken.class
        })
public class UsersCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static class ListUsers extends YunjianCommand {
        private final UserAdministration users;

        ListUsers(UserAdministration users) {
            this.users = users;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            out.printf(
                    "%-36s  %-24s  %-14s  %-8s  %s%n",
                    Texts.get("cli.users.column.id"),
                    Texts.get("cli.users.column.username"),
                    Texts.get("cli.users.column.role"),
                    Texts.get("cli.users.column.state"),
                    Texts.get("cli.users.column.displayName"));
            for (UserView u : users.list()) {
                String state = Texts.get(
                        !u.enabled()
                                ? "cli.users.state.disabled"
                                : u.locked() ? "cli.users.state.locked" : "cli.users.state.active");
                out.printf(
                        "%-36s  %-24s  %-14s  %-8s  %s%n",
                        u.id(),
                        u.username(),
                        Texts.get("security.role." + u.role().name()),
                        state,
                        u.displayName());
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true)
    static class Create extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.username")
        String username;

        @Option(names = "--display-name", required = true, descriptionKey = "cli.users.option.displayName")
        String displayName;

        @Option(names = "--role", required = true, descriptionKey = "cli.users.option.role")
        Role role;

        @Option(names = "--password", arity = "0..1", interactive = true, descriptionKey = "cli.users.option.password")
        String password;

        private final UserAdministration users;

        Create(UserAdministration users) {
            this.users = users;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            String pw = password == null ? temporaryPassword() : password;
            try {
                UserView u = users.create(new UserAdministration.NewUser(username, displayName, role, null, pw));
                out.println(Texts.get(
                        "cli.users.created",
                        u.username(),
                        Texts.get("security.role." + u.role().name()),
                        u.id()));
                if (u.awaitingApproval()) {
                    out.println(Texts.get("cli.users.awaitingApproval", u.pendingRequest()));
                }
                if (password == null) {
                    out.println(Texts.get("cli.users.temporaryPasswordFirstLogin", pw));
                }
                return 0;
            } catch (FieldErrors.ValidationException e) {
                return invalid(spec, e);
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true)
    static class Unlock extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.username")
        String username;

        private final UserAdministration users;

        Unlock(UserAdministration users) {
            this.users = users;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            UserView u = find(users, spec, username);
            if (u == null) {
                return 1;
            }
            users.unlock(u.id());
            out.println(Texts.get("cli.users.unlocked", u.username()));
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true)
    static class ResetPassword extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.username")
        String username;

        @Option(
                names = "--password",
                arity = "0..1",
                interactive = true,
                descriptionKey = "cli.users.option.newPassword")
        String password;

        private final UserAdministration users;

        ResetPassword(UserAdministration users) {
            this.users = users;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
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
            out.println(Texts.get("cli.users.passwordReset", u.username()));
            if (password == null) {
                out.println(Texts.get("cli.users.temporaryPassword", pw));
            }
            return 0;
        }
    }

    @Command(name = "setup-token", mixinStandardHelpOptions = true)
    static class SetupToken extends YunjianCommand {
        private final FirstAdministratorSetup setup;

        SetupToken(FirstAdministratorSetup setup) {
            this.setup = setup;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (!setup.isOpen()) {
                err.println(Texts.get("security.setup.closed"));
                return 1;
            }
            out.println(setup.issueToken());
            return 0;
        }
    }

    @Command(name = "requests", mixinStandardHelpOptions = true)
    static class Requests extends YunjianCommand {
        private final AdministratorApprovals approvals;

        Requests(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            out.printf(
                    "%-36s  %-24s  %-8s  %-14s  %s%n",
                    Texts.get("cli.users.column.request"),
                    Texts.get("cli.users.column.username"),
                    Texts.get("cli.users.column.kind"),
                    Texts.get("cli.users.column.role"),
                    Texts.get("cli.users.column.requestedBy"));
            for (AdminRequest r : approvals.pending()) {
                out.printf(
                        "%-36s  %-24s  %-8s  %-14s  %s%n",
                        r.id(),
                        r.username(),
                        Texts.get("security.adminRequest.kind." + r.kind().name()),
                        Texts.get("security.role." + r.requestedRole().name()),
                        r.requestedBy());
            }
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true)
    static class Approve extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.request")
        UUID id;

        private final AdministratorApprovals approvals;

        Approve(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return decideOnCommandLine(spec, () -> approvals.approve(id), "cli.users.approved");
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true)
    static class Reject extends YunjianCommand {
        @Parameters(index = "0", descriptionKey = "cli.users.option.request")
        UUID id;

        private final AdministratorApprovals approvals;

        Reject(AdministratorApprovals approvals) {
            this.approvals = approvals;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            return decideOnCommandLine(spec, () -> approvals.reject(id), "cli.users.rejected");
        }
    }

    static int decideOnCommandLine(CommandSpec spec, java.util.function.Supplier<AdminRequest> decision, String verb) {
        try {
            AdminRequest r = decision.get();
            spec.commandLine()
                    .getOut()
                    .println(Texts.get(
                            verb + "." + r.kind().name(),
                            r.username(),
                            Texts.get("security.role." + r.requestedRole().name()),
                            r.requestedBy()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (FieldErrors.ValidationException e) {
            return invalid(spec, e);
        } catch (org.springframework.security.access.AccessDeniedException | org.yunjian.shared.LocalizedException e) {
            spec.commandLine()
                    .getErr()
                    .println(Texts.get(
                            "cli.users.refused",
                            e instanceof org.yunjian.shared.LocalizedException l
                                    ? l.text()
                                    : Texts.source().getMessage(e.getMessage(), null, e.getMessage(), Texts.locale())));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    static UserView find(UserAdministration users, CommandSpec spec, String username) {
        UserView u = users.list().stream()
                .filter(v -> v.username().equals(username))
                .findFirst()
                .orElse(null);
        if (u == null) {
            spec.commandLine().getErr().println(Texts.get("cli.users.noSuchUser", username));
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
