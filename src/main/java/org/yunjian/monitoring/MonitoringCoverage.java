package org.yunjian.monitoring;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yunjian.catalog.RequirementId;

/**
 * The catalog controls website monitoring is evidence for, each with the check kinds that perform it — decided once,
 * here. Chosen from the text of the controls, few rather than many:
 *
 * <ul>
 *   <li>政府网站云计算服务安全指南 8.4.1 (运行管理, the customer's duties): 8.4.1.2 b) 域名及IP合规性检测 (DNS);
 *       8.4.1.3 a) 有害信息 (also a link to another site whose domain lapsed: the published link now leads to whatever
 *       took the name) and b) 网页篡改 monitoring; 8.4.1.4 a) 木马、后门 monitoring of the website (暗链 and
 *       挂马 as seen from outside); 8.4.1.5 a) 实时监测网站业务、网络状态并报警 (availability, the certificate).
 *   <li>等保 level 3 cloud extension 8.2.5.1 d) 集中管控: 各自控制部分…运行状况的集中监测 — the customer's website is
 *       its controlled part, watched in one place (availability, certificate, domain records).
 * </ul>
 *
 * Not listed, on purpose: 8.4.1.2 a) (the virtual layer's compute, storage and network resources: a probe from
 * outside does not see them), 8.4.1.4 b) (vulnerability scans: monitoring does not scan), 8.4.1.5 b) (the cloud
 * platform's state), and 等保 8.2.3.2 (detecting network attacks and abnormal traffic: a probe sees a page, not
 * traffic).
 */
public final class MonitoringCoverage {

    private static final Map<RequirementId, Set<CheckKind>> CONTROLS = controls();

    private MonitoringCoverage() {}

    private static Map<RequirementId, Set<CheckKind>> controls() {
        Map<RequirementId, Set<CheckKind>> m = new LinkedHashMap<>();
        m.put(RequirementId.of("GOVWEB-8.4.1.2-b"), EnumSet.of(CheckKind.DNS));
        m.put(RequirementId.of("GOVWEB-8.4.1.3-a"), EnumSet.of(CheckKind.HARMFUL_CONTENT, CheckKind.EXTERNAL_DOMAIN));
        m.put(RequirementId.of("GOVWEB-8.4.1.3-b"), EnumSet.of(CheckKind.TAMPERING));
        m.put(RequirementId.of("GOVWEB-8.4.1.4-a"), EnumSet.of(CheckKind.HIDDEN_LINK, CheckKind.MALICIOUS_SCRIPT));
        m.put(RequirementId.of("GOVWEB-8.4.1.5-a"), EnumSet.of(CheckKind.AVAILABILITY, CheckKind.TLS));
        m.put(RequirementId.of("MLPS-L3-8.2.5.1-d"), EnumSet.of(CheckKind.AVAILABILITY, CheckKind.TLS, CheckKind.DNS));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The controls monitoring is evidence for, in the order above. */
    public static List<RequirementId> controlIds() {
        return List.copyOf(CONTROLS.keySet());
    }

    /** Whether monitoring is evidence for {@code control} ({@code null}: no). */
    public static boolean supports(RequirementId control) {
        return control != null && CONTROLS.containsKey(control);
    }

    /** The check kinds that perform {@code control}, in their declared order; empty if monitoring does not. */
    public static List<CheckKind> kinds(RequirementId control) {
        Set<CheckKind> k = control == null ? null : CONTROLS.get(control);
        return k == null ? List.of() : List.copyOf(k);
    }
}
