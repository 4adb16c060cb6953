package org.yunjian.security;

import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.YunjianCommand;
import picocli.CommandLine.Option;

/**
 * A command that acts <em>as a named user</em> ({@code --as USERNAME}): the operator of the installation could
 * read the database anyway, but acting as a user keeps the modules' object scope (what that user sees and may
 * change) and puts the user's name on the audit entries. Each run records {@code cli.act-as} with the
 * operating-system user, so the log shows who acted for whom. An unknown user is bad input (2); the modules' refusals
 * become messages and exit codes as for every command ({@link YunjianCommand}), a "not found" naming the user it was
 * hidden from.
 */
public abstract class ActingCommand extends YunjianCommand {

    @Option(names = "--as", required = true, paramLabel = "USERNAME", descriptionKey = "cli.actAs.option.as")
    protected String username;

    private final UserAdministration users;
    private final ApplicationEventPublisher events;

    protected ActingCommand(UserAdministration users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /** The command's work, run with the named user logged in; returns the exit code. */
    @Override
    protected abstract int work(PrintWriter out, PrintWriter err) throws IOException;

    /** Logs the named user in for {@link #work} and records {@code cli.act-as}; an unknown user is bad input. */
    @Override
    protected final int perform(PrintWriter out, PrintWriter err) throws IOException {
        UserView user = users.list().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElse(null);
        if (user == null || !user.enabled() || !(user.role() == Role.USER || user.role() == Role.SYSTEM_ADMIN)) {
            err.println(Texts.get("cli.actAs.noUser", username));
            return BAD_INPUT;
        }
        CurrentUser current = new CurrentUser(user.id(), user.username(), user.organizationId(), user.role());
        AccountPrincipal principal = new AccountPrincipal(current, "", true, false, true);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            events.publishEvent(AuditableEvent.success(
                    "cli.act-as",
                    "user",
                    user.id(),
                    Msg.of("cli.actAs.audit", System.getProperty("user.name", "unknown"), spec.qualifiedName())));
            return work(out, err);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** As for every command; a "not found" names the user it may be hidden from. */
    @Override
    protected Refusal refusal(Exception e) {
        if (e instanceof NotFoundException notFound) {
            return Refusal.refused(Texts.get("cli.actAs.notFound", username, notFound.getMessage()));
        }
        return super.refusal(e);
    }
}
