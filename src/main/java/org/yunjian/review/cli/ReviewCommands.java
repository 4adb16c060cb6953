package org.yunjian.review.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.AssessmentService;
import org.yunjian.assessment.AssessmentTeam;
import org.yunjian.assessment.Records.AssessmentInfo;
import org.yunjian.assessment.Records.TestItem;
import org.yunjian.review.Reviews;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment team|submit|send-back|approve-review|approve-report|return-report|review-history}: the
 * review and sign-off of an assessment from the command line, acting as the named user.
 */
public final class ReviewCommands {

    private ReviewCommands() {}

    static void moved(PrintWriter out, AssessmentInfo a) {
        out.println(Texts.get("cli.review.moved", a.name(), Msg.of(a.status()).text()));
    }

    /** A review step on one assessment: its id as the first parameter and the review service. */
    abstract static class OnAssessment extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;

        protected final Reviews reviews;

        OnAssessment(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }
    }

    /** A step that moves the assessment on and prints its new status. */
    abstract static class Move extends OnAssessment {
        Move(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        abstract AssessmentInfo move(PrintWriter err);

        /** One command reads and decides at once: it names the assessment's version it has just read. */
        ExpectedVersion asRead() {
            return ExpectedVersion.exactly(reviews.version(id));
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            AssessmentInfo a = move(err);
            if (a == null) {
                return 1;
            }
            moved(out, a);
            return 0;
        }
    }

    @Command(name = "team", mixinStandardHelpOptions = true, description = "${bundle:cli.assessment.team.description}")
    @CliMount(value = "assessment", order = 120)
    public static class Team extends OnAssessment {
        @Option(names = "--tester", descriptionKey = "cli.review.option.testers")
        List<String> testers = new ArrayList<>();

        @Option(names = "--reviewer", descriptionKey = "cli.review.option.reviewer")
        String reviewer;

        @Option(names = "--approver", descriptionKey = "cli.review.option.approver")
        String approver;

        private final UserAdministration users;

        Team(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
            this.users = users;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Map<String, UUID> byName =
                    users.list().stream().collect(Collectors.toMap(UserView::username, UserView::id, (x, y) -> x));
            List<String> wanted = new ArrayList<>(testers);
            if (reviewer != null) {
                wanted.add(reviewer);
            }
            if (approver != null) {
                wanted.add(approver);
            }
            for (String u : wanted) {
                if (!byName.containsKey(u)) {
                    err.println(Texts.get("cli.review.noSuchUser", u));
                    return 1;
                }
            }
            // one command reads and changes at once: it names the assessment's version it has just read
            AssessmentInfo a = reviews.setTeam(
                    id,
                    ExpectedVersion.exactly(reviews.version(id)),
                    new Reviews.TeamInput(
                            testers.stream().map(byName::get).toList(),
                            reviewer == null ? null : byName.get(reviewer),
                            approver == null ? null : byName.get(approver)));
            AssessmentTeam t = reviews.team(a);
            out.println(Texts.get(
                    "cli.review.team.saved",
                    t.testers().isEmpty()
                            ? "—"
                            : t.testers().stream()
                                    .map(AssessmentTeam.Member::name)
                                    .collect(Collectors.joining(Texts.get("review.missing.separator"))),
                    t.reviewer() == null ? "—" : t.reviewer().name(),
                    t.approver() == null ? "—" : t.approver().name()));
            return 0;
        }
    }

    @Command(
            name = "submit",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.submit.description}")
    @CliMount(value = "assessment", order = 130)
    public static class Submit extends Move {
        Submit(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        @Override
        AssessmentInfo move(PrintWriter err) {
            try {
                return reviews.submit(id, asRead());
            } catch (Reviews.SubmissionRefused e) {
                err.println(Texts.get("cli.review.missing", e.missing().size()));
                for (Reviews.MissingItem m : e.missing()) {
                    err.println(Texts.get(
                            "cli.review.missingRow",
                            m.number(),
                            m.requirementId(),
                            Msg.of(m.side()).text() + " " + m.controlPoint(),
                            m.gaps().stream()
                                    .map(g -> Msg.of(g).text())
                                    .collect(Collectors.joining(Texts.get("review.missing.separator")))));
                }
                return null;
            }
        }
    }

    @Command(
            name = "send-back",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.send-back.description}")
    @CliMount(value = "assessment", order = 140)
    public static class SendBack extends Move {
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;

        @Option(names = "--item", descriptionKey = "cli.review.option.itemComment")
        Map<Integer, String> items = new LinkedHashMap<>();

        private final AssessmentService service;

        SendBack(
                UserAdministration users,
                ApplicationEventPublisher events,
                Reviews reviews,
                AssessmentService service) {
            super(users, events, reviews);
            this.service = service;
        }

        @Override
        AssessmentInfo move(PrintWriter err) {
            Map<Integer, UUID> byNumber = service.items(id, null, null, null).stream()
                    .collect(Collectors.toMap(i -> i.position() + 1, TestItem::id));
            Map<UUID, String> perItem = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : items.entrySet()) {
                UUID item = byNumber.get(e.getKey());
                if (item == null) {
                    err.println(Texts.get("cli.actAs.invalid", "--item", e.getKey()));
                    return null;
                }
                perItem.put(item, e.getValue());
            }
            return reviews.sendBack(id, asRead(), perItem, comment);
        }
    }

    @Command(
            name = "approve-review",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.approve-review.description}")
    @CliMount(value = "assessment", order = 150)
    public static class ApproveReview extends Move {
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;

        ApproveReview(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        @Override
        AssessmentInfo move(PrintWriter err) {
            return reviews.approveReview(id, asRead(), comment);
        }
    }

    @Command(
            name = "approve-report",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.approve-report.description}")
    @CliMount(value = "assessment", order = 160)
    public static class ApproveReport extends Move {
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;

        @Option(names = "--confirm", descriptionKey = "cli.review.option.confirm")
        boolean confirm;

        ApproveReport(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        @Override
        AssessmentInfo move(PrintWriter err) {
            reviews.requireApprover(id);
            if (!confirm) {
                err.println(Texts.get("cli.review.confirmRequired"));
                return null;
            }
            return reviews.approveReport(id, asRead(), comment);
        }
    }

    @Command(
            name = "return-report",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.return-report.description}")
    @CliMount(value = "assessment", order = 170)
    public static class ReturnReport extends Move {
        @Option(names = "--comment", required = true, descriptionKey = "cli.review.option.comment")
        String comment;

        ReturnReport(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        @Override
        AssessmentInfo move(PrintWriter err) {
            return reviews.returnReport(id, asRead(), comment);
        }
    }

    @Command(
            name = "review-history",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.review-history.description}")
    @CliMount(value = "assessment", order = 180)
    public static class History extends OnAssessment {
        History(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events, reviews);
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<Reviews.Step> steps = reviews.history(id);
            if (steps.isEmpty()) {
                out.println(Texts.get("cli.review.history.empty"));
            }
            for (Reviews.Step s : steps) {
                String what = s.kind() == Reviews.StepKind.SENT_BACK
                        ? Texts.get("review.history.sentBack", s.commentCount())
                        : Msg.of(s.kind()).text();
                out.println(Texts.get(
                        "cli.review.history.row",
                        Formats.minute(s.at()),
                        s.actorName(),
                        what,
                        s.comment() == null ? "" : s.comment()));
            }
            return 0;
        }
    }
}
