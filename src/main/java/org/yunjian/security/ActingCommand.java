package org.yunjian.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.ConflictException;
import org.yunjian.shared.FieldErrors.ValidationException;
import org.yunjian.shared.LocalizedException;
import org.yunjian.shared.Msg;
import org.yunjian.shared.NotFoundException;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that acts <em>as a named user</em> ({@code --as USERNAME}): the operator of the installation could
 * read the database anyway, but acting as a user keeps the modules' object scope (what that user sees and may
 * change) and puts the user's name on the audit entries. Each run records {@code cli.act-as} with the
 * operating-system user, so the log shows who acted for whom. The modules' refusals become messages in the
 * command's language and exit codes: 2 for bad input or an unknown user, 1 for a refusal or an I/O error.
 */
public abstract class ActingCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Option(names = "--as", required = true, paramLabel = "USERNAME", descriptionKey = "cli.actAs.option.as")
    protected String username;

    private final UserAdministration users;
    private final ApplicationEventPublisher events;

    protected ActingCommand(UserAdministration users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    /** The command's work, run with the named user logged in; returns the exit code. */
    protected abstract int work(PrintWriter out, PrintWriter err) throws IOException;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        UserView user = users.list().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElse(null);
        if (user == null || !user.enabled() || !(user.role() == Role.USER || user.role() == Role.SYSTEM_ADMIN)) {
            err.println(Texts.get("cli.actAs.noUser", username));
            err.flush();
            return 2;
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
        } catch (NotFoundException e) {
            err.println(Texts.get("cli.actAs.notFound", username, e.getMessage()));
            return 1;
        } catch (AccessDeniedException e) {
            err.println(Texts.get("cli.actAs.denied"));
            return 1;
        } catch (ConflictException e) {
            err.println(Texts.get("cli.actAs.conflict", e.getMessage(), e.code()));
            return 1;
        } catch (ValidationException e) {
            e.errors().forEach((field, message) -> err.println(Texts.get("cli.actAs.invalid", field, message)));
            return 2;
        } catch (IOException e) {
            err.println(Texts.get("cli.actAs.io", e.getMessage()));
            return 1;
        } catch (LocalizedException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            SecurityContextHolder.setContext(previous);
            out.flush();
            err.flush();
        }
    }
}
