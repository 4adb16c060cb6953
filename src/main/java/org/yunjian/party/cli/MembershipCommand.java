package org.yunjian.party.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunjian.cli.CliCommand;
import org.yunjian.party.internal.Assignments;
import org.yunjian.party.internal.Membership;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yunjian membership list | assign | unassign | grant} (issue 57, need to know): an organisation administrator,
 * acting as themselves ({@code --as}), reads who of the organisation sees what and changes it — as on 成员与指派 and
 * over REST, through the same service (audited, told to the other administrators).
 */
@Component
@Command(
        name = "membership",
        mixinStandardHelpOptions = true,
        description = "${bundle:cli.membership.description}",
        subcommands = {
            MembershipCommand.ListMembers.class,
            MembershipCommand.Assign.class,
            MembershipCommand.Unassign.class,
            MembershipCommand.Grant.class
        })
public class MembershipCommand implements CliCommand, Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The member named by user name, and the system by its name or id, in the caller's organisation. */
    abstract static class OnMember extends ActingCommand {

        @Parameters(index = "0", paramLabel = "MEMBER", descriptionKey = "cli.membership.option.member")
        String member;

        final Membership membership;
        final Assignments assignments;

        OnMember(
                UserAdministration users,
                ApplicationEventPublisher events,
                Membership membership,
                Assignments assignments) {
            super(users, events);
            this.membership = membership;
            this.assignments = assignments;
        }

        Optional<Membership.Row> row(Membership.Overview o, PrintWriter err) {
            Optional<Membership.Row> r = o.members().stream()
                    .filter(m -> m.member().username().equals(member))
                    .findFirst();
            if (r.isEmpty()) {
                err.println(Texts.get("cli.membership.noMember", member));
            }
            return r;
        }

        Optional<Membership.SystemRef> system(Membership.Overview o, String system, PrintWriter err) {
            Optional<Membership.SystemRef> s = o.assignable().stream()
                    .filter(x -> x.name().equals(system) || x.id().toString().equals(system))
                    .findFirst();
            if (s.isEmpty()) {
                err.println(Texts.get("cli.membership.noSystem", system));
            }
            return s;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "${bundle:cli.membership.list.description}")
    static class ListMembers extends ActingCommand {

        private final Membership membership;

        ListMembers(UserAdministration users, ApplicationEventPublisher events, Membership membership) {
            super(users, events);
            this.membership = membership;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            for (Membership.Row r : membership.overview().members()) {
                out.println(Texts.get(
                        "cli.membership.line",
                        r.member().displayName(),
                        r.member().username(),
                        Texts.get(r.whole() ? "party.membership.seesWhole" : "party.membership.seesAssigned"),
                        r.systems().isEmpty()
                                ? Texts.get("party.membership.none")
                                : String.join(
                                        Texts.get("party.request.listSeparator"),
                                        r.systems().stream()
                                                .map(Membership.SystemRef::name)
                                                .toList())));
            }
            return 0;
        }
    }

    /** A member and a system of the organisation, and what is done with the pair. */
    abstract static class OnSystem extends OnMember {

        @Parameters(index = "1", paramLabel = "SYSTEM", descriptionKey = "cli.membership.option.system")
        String system;

        OnSystem(
                UserAdministration users,
                ApplicationEventPublisher events,
                Membership membership,
                Assignments assignments) {
            super(users, events, membership, assignments);
        }

        /** Does it; the message key of the answer ({0} the member, {1} the system). */
        abstract String act(UUID person, UUID systemId);

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Membership.Overview o = membership.overview();
            var r = row(o, err);
            var s = system(o, system, err);
            if (r.isEmpty() || s.isEmpty()) {
                return BAD_INPUT;
            }
            String done = act(r.get().member().id(), s.get().id());
            out.println(Texts.get(done, r.get().member().displayName(), s.get().name()));
            return 0;
        }
    }

    @Command(
            name = "assign",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.membership.assign.description}")
    static class Assign extends OnSystem {

        Assign(
                UserAdministration users,
                ApplicationEventPublisher events,
                Membership membership,
                Assignments assignments) {
            super(users, events, membership, assignments);
        }

        @Override
        String act(UUID person, UUID systemId) {
            assignments.assign(person, systemId);
            return "cli.membership.assigned";
        }
    }

    @Command(
            name = "unassign",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.membership.unassign.description}")
    static class Unassign extends OnSystem {

        Unassign(
                UserAdministration users,
                ApplicationEventPublisher events,
                Membership membership,
                Assignments assignments) {
            super(users, events, membership, assignments);
        }

        @Override
        String act(UUID person, UUID systemId) {
            assignments.unassign(person, systemId);
            return "cli.membership.unassigned";
        }
    }

    @Command(
            name = "grant",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.membership.grant.description}")
    static class Grant extends OnMember {

        @Option(names = "--withdraw", descriptionKey = "cli.membership.option.withdraw")
        boolean withdraw;

        Grant(
                UserAdministration users,
                ApplicationEventPublisher events,
                Membership membership,
                Assignments assignments) {
            super(users, events, membership, assignments);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            var r = row(membership.overview(), err);
            if (r.isEmpty()) {
                return BAD_INPUT;
            }
            assignments.setWholeOrganization(r.get().member().id(), !withdraw);
            out.println(Texts.get(
                    withdraw ? "cli.membership.withdrawn" : "cli.membership.granted",
                    r.get().member().displayName()));
            return 0;
        }
    }
}
