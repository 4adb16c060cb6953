package org.yunjian.monitoring;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yunjian.catalog.RequirementId;

/**
 * The catalog controls website monitoring is evidence for, each with the check kinds that perform it — decided once,
 * here. Chosen from the text of the controls, few rather than many (issue 59 corrected the first choice):
 *
 * <ul>
 *   <li>政府网站云计算服务安全指南, the customer's duties: 8.2.1 c) 应对云上的政府网站进行安全监测 and 7.3.7 a) 1)
 *       加强对网站网络信息的日常监测、监控 (every check); 7.4.1 c) 加强试运行期间的安全监测 (every check); 8.4.1.2 b)
 *       域名及IP合规性检测 (DNS); 8.4.1.3 a) 有害信息 — harmful words, 暗链 (a hidden link is published content), a link
 *       to another site whose domain lapsed (the link now leads to whatever took the name) — and b) 网页篡改 monitoring;
 *       8.4.1.4 a) 木马、后门 monitoring of the website (挂马 as seen from outside); 8.4.1.5 a) 实时监测网站业务、网络状态
 *       (availability, response time, the certificate).
 * </ul>
 *
 * Not listed, on purpose: any 等保 item — 8.2.5.1 d) 集中监测 is the centralised monitoring of virtual networks, virtual
 * machines and virtual security devices, which a probe from outside does not see (issue 59), and the cloud extension
 * has no item a website probe evidences; 8.4.1.2 a) (the virtual layer's compute, storage and network resources),
 * 8.4.1.4 b) (vulnerability scans: monitoring does not scan), 8.4.1.5 b) (the cloud platform's state).
 */
public final class MonitoringCoverage {

    private static final Map<RequirementId, Set<CheckKind>> CONTROLS = controls();

    private MonitoringCoverage() {}

    private static Map<RequirementId, Set<CheckKind>> controls() {
        Map<RequirementId, Set<CheckKind>> m = new LinkedHashMap<>();
        m.put(RequirementId.of("GOVWEB-7.3.7-a-1"), EnumSet.allOf(CheckKind.class));
        m.put(RequirementId.of("GOVWEB-7.4.1-c"), EnumSet.allOf(CheckKind.class));
        m.put(RequirementId.of("GOVWEB-8.2.1-c"), EnumSet.allOf(CheckKind.class));
        m.put(RequirementId.of("GOVWEB-8.4.1.2-b"), EnumSet.of(CheckKind.DNS));
        m.put(
                RequirementId.of("GOVWEB-8.4.1.3-a"),
                EnumSet.of(CheckKind.HIDDEN_LINK, CheckKind.HARMFUL_CONTENT, CheckKind.EXTERNAL_DOMAIN));
        m.put(RequirementId.of("GOVWEB-8.4.1.3-b"), EnumSet.of(CheckKind.TAMPERING));
        m.put(RequirementId.of("GOVWEB-8.4.1.4-a"), EnumSet.of(CheckKind.MALICIOUS_SCRIPT));
        m.put(
                RequirementId.of("GOVWEB-8.4.1.5-a"),
                EnumSet.of(CheckKind.AVAILABILITY, CheckKind.LATENCY, CheckKind.TLS));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The controls whose wording asks for "实时" monitoring ({@link CheckScope#REAL_TIME_MINUTES}). */
    private static final Set<RequirementId> REAL_TIME = Set.of(
            RequirementId.of("GOVWEB-8.4.1.3-a"),
            RequirementId.of("GOVWEB-8.4.1.3-b"),
            RequirementId.of("GOVWEB-8.4.1.4-a"),
            RequirementId.of("GOVWEB-8.4.1.5-a"));

    /** Whether the control's wording asks for "实时" monitoring. */
    public static boolean realTime(RequirementId control) {
        return REAL_TIME.contains(control);
    }

    /**
     * The controls the monitors in {@code scopes} performed (issue 59): a control is covered when one of its checks ran
     * against a criterion on some monitor ({@link CheckScope}) — for a "实时" control, ran with no gap longer than
     * {@link CheckScope#REAL_TIME_MINUTES} minutes ({@link CheckRun#realTime()}). In the order above.
     */
    public static List<RequirementId> covered(java.util.Collection<CheckScope> scopes) {
        return CONTROLS.keySet().stream().filter(c -> covered(c, scopes)).toList();
    }

    /** Whether the monitors in {@code scopes} performed {@code control} ({@link #covered(java.util.Collection)}). */
    public static boolean covered(RequirementId control, java.util.Collection<CheckScope> scopes) {
        Set<CheckKind> kinds = CONTROLS.get(control);
        if (kinds == null) {
            return false;
        }
        boolean realTime = realTime(control);
        return scopes.stream().anyMatch(s -> kinds.stream()
                .anyMatch(k -> realTime ? s.realTime(k) : s.active().contains(k)));
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
