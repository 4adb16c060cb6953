package org.yunjian.monitoring.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yunjian.monitoring.ProbeChain;
import org.yunjian.monitoring.internal.ProbeEvidence;

/**
 * The verdict on a monitor's sealed probes in words, loaded into the monitor's page once it is shown (verifying a long
 * chain takes a moment: the page does not wait for it).
 */
@Controller
class ProbeEvidencePages {

    private final ProbeEvidence evidence;

    ProbeEvidencePages(ProbeEvidence evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/monitoring/monitors/{id}/verification")
    @PreAuthorize(MonitorPages.WHO)
    String verification(@PathVariable UUID id, Model model) {
        ProbeChain.Verdict v = evidence.verify(id);
        model.addAttribute("verdict", ProbeEvidence.verdict(v).encode());
        model.addAttribute("intact", v.intact());
        return "monitoring/probe-verification :: verdict";
    }
}
