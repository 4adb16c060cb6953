package org.yunjian.report.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.yunjian.assessment.ReportSetups;
import org.yunjian.assessment.ReportTemplate;
import org.yunjian.assessment.ScoringPolicies;
import org.yunjian.report.ReportText;
import org.yunjian.security.ActingCommand;
import org.yunjian.security.UserAdministration;
import org.yunjian.shared.Texts;
import org.yunjian.shared.cli.CliMount;
import org.yunjian.shared.version.ExpectedVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code yunjian assessment report-template ID --as USER [--template 2025|2021|auto] [--contract-date YYYY-MM-DD]}:
 * shows the report template of an assessment, or sets it (with {@code --template} or {@code --contract-date}).
 */
@Command(
        name = "report-template",
        mixinStandardHelpOptions = true,
        description = "${bundle:cli.assessment.report-template.description}")
@CliMount(value = "assessment", order = 190)
public class ReportTemplateCommand extends ActingCommand {

    @Parameters(index = "0", descriptionKey = "cli.assessment.option.id")
    UUID id;

    @Option(names = "--template", descriptionKey = "cli.assessment.option.reportTemplate")
    String template;

    @Option(names = "--contract-date", descriptionKey = "cli.assessment.option.contractDate")
    LocalDate contractDate;

    private final ReportSetups setups;
    private final ScoringPolicies policies;

    ReportTemplateCommand(
            UserAdministration users, ApplicationEventPublisher events, ReportSetups setups, ScoringPolicies policies) {
        super(users, events);
        this.setups = setups;
        this.policies = policies;
    }

    @Override
    protected int work(PrintWriter out, PrintWriter err) {
        ReportSetups.ReportSetup s;
        if (template == null && contractDate == null) {
            s = setups.of(id);
        } else {
            ReportTemplate t;
            try {
                t = template == null || template.equalsIgnoreCase("auto") ? null : ReportTemplate.parse(template);
            } catch (IllegalArgumentException e) {
                err.println(Texts.get("report.setup.error.template"));
                return 2;
            }
            // one command reads and changes at once: it names the version it has just read
            s = setups.set(id, ExpectedVersion.exactly(setups.of(id).version()), t, contractDate);
        }
        var p = policies.forTemplate(s.template());
        out.println(Texts.get(
                "report.setup.current", ReportText.label(s.template()), ReportText.policyName(p.id(), p.version())));
        out.println(Texts.get(
                "cli.assessment.reportTemplate.contractDate",
                s.contractDate() == null
                        ? Texts.get("report.setup.noContractDate")
                        : s.contractDate().toString()));
        return 0;
    }
}
