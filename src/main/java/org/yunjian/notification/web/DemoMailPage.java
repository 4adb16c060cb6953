package org.yunjian.notification.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunjian.notification.internal.DemoMailSink;
import org.yunjian.party.EmailAddresses;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.NotFoundException;

/**
 * The demo's mailbox (演示邮箱): the e-mails the demo would have sent. Everyone, administrators included, sees those
 * sent to their own confirmed address only (administrators run accounts, not business: they read no organisation's
 * mail). Outside demo mode the page does not exist.
 */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'USER')")
class DemoMailPage {

    private final ObjectProvider<DemoMailSink> sink;
    private final EmailAddresses addresses;

    DemoMailPage(ObjectProvider<DemoMailSink> sink, EmailAddresses addresses) {
        this.sink = sink;
        this.addresses = addresses;
    }

    @GetMapping("/demo/mail")
    String mail(Model model) {
        DemoMailSink s = sink.getIfAvailable();
        if (s == null) {
            throw new NotFoundException("notification", "demo-mail");
        }
        CurrentUser u = CurrentUser.require();
        String mine = addresses.of(u.userId()).orElse(null);
        List<DemoMailSink.Kept> shown = s.kept().stream()
                .filter(k -> mine != null && k.to().equals(mine))
                .toList();
        model.addAttribute("mails", shown);
        model.addAttribute("address", mine);
        return "notification/demo-mail";
    }
}
