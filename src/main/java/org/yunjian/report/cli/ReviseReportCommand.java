package org.yunjian.report.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.report.ReportCorrections;
import org.yunjian.report.ReportRecords;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment revise-report ID --as APPROVER --reason TEXT --correct N:FIELD=TEXT… --confirm}: the
 * 批准人 issues a 修订版 of the approved report that corrects the named item texts of the content frozen at approval
 * (issue 58), as {@code POST /api/assessments/{id}/report-revisions} does. {@code N} is the item's number as the report
 * prints it; {@code FIELD} one of OBSERVATIONS, VERDICT_REASON, FINDING, RISK_REASON, RECOMMENDATION.
 */
@Command(
        name = "revise-report",
        mixinStandardHelpOptions = true,
        description = "${bundle:cli.assessment.revise-report.description}")
@CliMount(value = "assessment", order = 200)
public class ReviseReportCommand extends ActingCommand {

    private static final Pattern CORRECTION = Pattern.compile("([0-9]{1,6}):([A-Za-z_]+)=(.*)", Pattern.DOTALL);

    @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
    UUID id;

    @Option(names = "--reason", required = true, descriptionKey = "cli.assessment.option.revisionReason")
    String reason;

    @Option(names = "--correct", descriptionKey = "cli.assessment.option.correct")
    List<String> corrections = new ArrayList<>();

    @Option(names = "--confirm", descriptionKey = "cli.review.option.confirm")
    boolean confirm;

    private final ReportRecords records;

    ReviseReportCommand(UserAdministration users, ApplicationEventPublisher events, ReportRecords records) {
        super(users, events);
        this.records = records;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        if (!confirm) {
            err.println(Texts.get("cli.review.confirmRequired"));
            return 1;
        }
        List<ReportCorrections.Correction> asked = new ArrayList<>();
        for (String c : corrections) {
            Matcher m = CORRECTION.matcher(c);
            ReportCorrections.Field field = m.matches() ? field(m.group(2)) : null;
            if (field == null) {
                err.println(Texts.get("cli.assessment.reviseReport.badCorrection", c));
                return 2;
            }
            asked.add(new ReportCorrections.Correction(Integer.valueOf(m.group(1)), field, m.group(3)));
        }
        ReportRecords.Revision r = records.revise(id, reason, true, asked);
        out.println(Texts.get("cli.assessment.reviseReport.done", r.revision(), r.reportNumber()));
        return 0;
    }

    private static ReportCorrections.Field field(String name) {
        try {
            return ReportCorrections.Field.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
