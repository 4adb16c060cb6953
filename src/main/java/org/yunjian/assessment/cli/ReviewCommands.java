package org.yunjian.assessment.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.AssessmentTeam;
import org.yunjian.assessment.internal.AssessmentService;
import org.yunjian.assessment.internal.Records.AssessmentInfo;
import org.yunjian.assessment.internal.Records.TestItem;
import org.yunjian.assessment.internal.Reviews;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.security.UserView;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment team|submit|send-back|approve-review|approve-report|return-report|review-history}: the
 * review and sign-off of an assessment from the command line, acting as the named user.
 */
final class ReviewCommands {

    private ReviewCommands() {
    }

    static void moved(PrintWriter out, AssessmentInfo a) {
        out.println(Texts.get("cli.review.moved", a.name(), Msg.of(a.status()).text()));
    }

    @Command(name = "team", mixinStandardHelpOptions = true)
    static class Team extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        @Option(names = "--tester", descriptionKey = "cli.review.option.testers")
        List<String> testers = new ArrayList<>();
        @Option(names = "--reviewer", descriptionKey = "cli.review.option.reviewer")
        String reviewer;
        @Option(names = "--approver", descriptionKey = "cli.review.option.approver")
        String approver;
        private final UserAdministration users;
        private final Reviews reviews;

        Team(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.users = users;
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Map<String, UUID> byName = users.list().stream()
                    .collect(Collectors.toMap(UserView::username, UserView::id, (x, y) -> x));
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
            AssessmentInfo a = reviews.setTeam(id, new Reviews.TeamInput(testers.stream().map(byName::get).toList(),
                    reviewer == null ? null : byName.get(reviewer), approver == null ? null : byName.get(approver)));
            AssessmentTeam t = reviews.team(a);
            out.println(Texts.get("cli.review.team.saved",
                    t.testers().isEmpty() ? "—" : t.testers().stream().map(AssessmentTeam.Member::name)
                            .collect(Collectors.joining(Texts.get("review.missing.separator"))),
                    t.reviewer() == null ? "—" : t.reviewer().name(), t.approver() == null ? "—" : t.approver().name()));
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true)
    static class Submit extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        private final Reviews reviews;

        Submit(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            try {
                moved(out, reviews.submit(id));
                return 0;
            } catch (Reviews.SubmissionRefused e) {
                err.println(Texts.get("cli.review.missing", e.missing().size()));
                for (Reviews.MissingItem m : e.missing()) {
                    err.println(Texts.get("cli.review.missingRow", m.number(), m.requirementId(),
                            Msg.of(m.side()).text() + " " + m.controlPoint(),
                            m.gaps().stream().map(g -> Msg.of(g).text()).collect(Collectors.joining(
                                    Texts.get("review.missing.separator")))));
                }
                return 1;
            }
        }
    }

    @Command(name = "send-back", mixinStandardHelpOptions = true)
    static class SendBack extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;
        @Option(names = "--item", descriptionKey = "cli.review.option.itemComment")
        Map<Integer, String> items = new LinkedHashMap<>();
        private final Reviews reviews;
        private final AssessmentService service;

        SendBack(UserAdministration users, ApplicationEventPublisher events, Reviews reviews,
                 AssessmentService service) {
            super(users, events);
            this.reviews = reviews;
            this.service = service;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            Map<Integer, UUID> byNumber = service.items(id, null, null, null).stream()
                    .collect(Collectors.toMap(i -> i.position() + 1, TestItem::id));
            Map<UUID, String> perItem = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> e : items.entrySet()) {
                UUID item = byNumber.get(e.getKey());
                if (item == null) {
                    err.println(Texts.get("cli.actAs.invalid", "--item", e.getKey()));
                    return 1;
                }
                perItem.put(item, e.getValue());
            }
            moved(out, reviews.sendBack(id, perItem, comment));
            return 0;
        }
    }

    @Command(name = "approve-review", mixinStandardHelpOptions = true)
    static class ApproveReview extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;
        private final Reviews reviews;

        ApproveReview(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            moved(out, reviews.approveReview(id, comment));
            return 0;
        }
    }

    @Command(name = "approve-report", mixinStandardHelpOptions = true)
    static class ApproveReport extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        @Option(names = "--comment", descriptionKey = "cli.review.option.comment")
        String comment;
        @Option(names = "--confirm", descriptionKey = "cli.review.option.confirm")
        boolean confirm;
        private final Reviews reviews;

        ApproveReport(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            reviews.requireApprover(id);
            if (!confirm) {
                err.println(Texts.get("cli.review.confirmRequired"));
                return 1;
            }
            moved(out, reviews.approveReport(id, comment));
            return 0;
        }
    }

    @Command(name = "return-report", mixinStandardHelpOptions = true)
    static class ReturnReport extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        @Option(names = "--comment", required = true, descriptionKey = "cli.review.option.comment")
        String comment;
        private final Reviews reviews;

        ReturnReport(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            moved(out, reviews.returnReport(id, comment));
            return 0;
        }
    }

    @Command(name = "review-history", mixinStandardHelpOptions = true)
    static class History extends ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
        UUID id;
        private final Reviews reviews;

        History(UserAdministration users, ApplicationEventPublisher events, Reviews reviews) {
            super(users, events);
            this.reviews = reviews;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            List<Reviews.Step> steps = reviews.history(id);
            if (steps.isEmpty()) {
                out.println(Texts.get("cli.review.history.empty"));
            }
            for (Reviews.Step s : steps) {
                String what = s.kind() == Reviews.StepKind.SENT_BACK
                        ? Texts.get("review.history.sentBack", s.commentCount()) : Msg.of(s.kind()).text();
                out.println(Texts.get("cli.review.history.row", Formats.minute(s.at()), s.actorName(), what,
                        s.comment() == null ? "" : s.comment()));
            }
            return 0;
        }
    }
}
