package org.yunjian.lifecycle.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.yunjian.lifecycle.PlanAccess;
import org.yunjian.lifecycle.PlanDuty;
import org.yunjian.monitoring.MonitoringEvidence;
import org.yunjian.shared.Msg;

/**
 * Website monitoring's reports offered on a duty whose control monitoring performs (政府网站云计算服务安全指南 8.4.1):
 * attached, the month's 安全运行报告 is stored as the duty's evidence the way an upload is — sealed, by the acting
 * user, the same right as uploading.
 */
@Service
public class DutyMonitoringEvidence {

    private final DutyRecords records;
    private final MonitoringEvidence monitoring;

    DutyMonitoringEvidence(DutyRecords records, MonitoringEvidence monitoring) {
        this.records = records;
        this.monitoring = monitoring;
    }

    /**
     * The offers on a duty, whether the caller may attach one now (not while its phase is closed), and the months whose
     * report is among the duty's evidence already (by its file name).
     */
    public record Panel(MonitoringEvidence.Offers offers, boolean mayAttach, java.util.Set<String> attached) {}

    /** The panel of the duty as the caller sees it (404 if not). */
    public Panel panel(UUID systemId, UUID dutyId) {
        DutyRecords.DutyDetail d = records.detail(systemId, dutyId);
        MonitoringEvidence.Offers offers = monitoring.offers(systemId, d.duty().requirement());
        java.util.Set<String> names = new java.util.HashSet<>();
        d.evidence().forEach(e -> names.add(e.file().displayName()));
        return new Panel(offers, !d.frozen() && mayUpload(d), MonitoringEvidence.attached(offers, names));
    }

    /**
     * Stores the report of {@code month} as the duty's evidence: 403 if the caller may not upload to the duty, 409 if
     * its phase is closed or the month's report is among its evidence already, 400 naming {@code month} if that month
     * is not offered.
     */
    public DutyEvidence attach(UUID systemId, UUID dutyId, String month) {
        DutyRecords.DutyDetail d = records.detail(systemId, dutyId);
        if (!mayUpload(d)) { // before rendering anything
            throw new PlanAccess.Refused(Msg.of("lifecycle.evidence.refused.upload"));
        }
        MonitoringEvidence.requireNotAttached(
                month, d.evidence().stream().map(e -> e.file().displayName()).toList());
        MonitoringEvidence.OfferedFile f = monitoring.file(systemId, d.duty().requirement(), month);
        return records.upload(systemId, dutyId, f.name(), f.content());
    }

    private static boolean mayUpload(DutyRecords.DutyDetail d) {
        var access = d.plan().access();
        PlanDuty.Actor me =
                new PlanDuty.Actor(access.user().userId(), access.user().organizationId());
        return d.duty().worksOn(me) || access.isCustomer();
    }
}
