package org.yunjian.evidence.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.evidence.RequestRecords.RequestLine;
import org.yunjian.evidence.internal.EvidenceRequests;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Formats;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.paging.PageRequest;
import org.yunjian.shared.paging.Paged;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment requests | answer-request}: evidence requests from the command line, acting as a named
 * user — list the lines the user sees (of one assessment, or addressed to the user's organisation), and answer a line
 * with a file, checked and sealed like any evidence upload.
 */
public final class EvidenceRequestCommands {

    private EvidenceRequestCommands() {}

    static void print(PrintWriter out, EvidenceRequests requests, List<RequestLine> lines) {
        if (lines.isEmpty()) {
            out.println(Texts.get("assessment.request.empty"));
            return;
        }
        LocalDate today = requests.today();
        for (RequestLine l : lines) {
            out.println(String.join(
                    "  ",
                    l.id().toString(),
                    l.title(),
                    requests.name(l.addresseeOrgId()),
                    Formats.date(l.dueDate()),
                    Msg.of(l.status()).text()
                            + (l.overdue(today) ? " · " + Texts.get("assessment.request.overdue") : ""),
                    Texts.get("cli.assessment.requests.items", l.itemIds().size())));
        }
    }

    @Command(
            name = "requests",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.requests.description}")
    @CliMount(value = "assessment", order = 210)
    public static class Requests extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", arity = "0..1", descriptionKey = "cli.assessment.requests.option.id")
        UUID id;

        private final EvidenceRequests requests;

        Requests(UserAdministration users, ApplicationEventPublisher events, EvidenceRequests requests) {
            super(users, events);
            this.requests = requests;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) {
            if (id != null) {
                print(out, requests, requests.ofAssessment(id));
                return 0;
            }
            // every line addressed to the caller's organisation, read a page at a time
            List<RequestLine> all = new java.util.ArrayList<>();
            Paged<RequestLine> page;
            int n = 1;
            do {
                page = requests.mine(null, null, new PageRequest(n++, PageRequest.MAX_SIZE))
                        .addressed();
                all.addAll(page.items());
            } while (page.hasNext());
            print(out, requests, all);
            return 0;
        }
    }

    @Command(
            name = "answer-request",
            mixinStandardHelpOptions = true,
            description = "${bundle:cli.assessment.answer-request.description}")
    @CliMount(value = "assessment", order = 220)
    public static class Answer extends org.yunjian.security.ActingCommand {
        @Parameters(index = "0", descriptionKey = "cli.assessment.answer-request.option.line")
        UUID line;

        @Parameters(index = "1", descriptionKey = "cli.assessment.answer-request.option.file")
        Path file;

        @Option(names = "--valid-until", descriptionKey = "cli.assessment.answer-request.option.validUntil")
        LocalDate validUntil;

        private final EvidenceRequests requests;

        Answer(UserAdministration users, ApplicationEventPublisher events, EvidenceRequests requests) {
            super(users, events);
            this.requests = requests;
        }

        @Override
        protected int work(PrintWriter out, PrintWriter err) throws IOException {
            // the line's version just read: an answer or re-addressing since then is not answered over unseen
            var e = requests.answer(
                    line,
                    ExpectedVersion.exactly(requests.line(line).version()),
                    file.getFileName().toString(),
                    Files.readAllBytes(file),
                    validUntil);
            out.println(Texts.get("assessment.request.answered", e.displayName()));
            out.println("SM3 " + e.sm3());
            return 0;
        }
    }
}
