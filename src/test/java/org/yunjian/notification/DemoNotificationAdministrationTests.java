package org.yunjian.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.demo.DemoData;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.SeedActor;
import org.yunjian.security.UserAdministration;

/**
 * Issue 56 finding 3 on the demo as the attack found it: the demo's security administrator opening the securities
 * company's group-chat robots is refused with the reason; what each kind of person finds at first login instead — the
 * administrators the delivery health (linked from their notifications), the securities company's and the customer's
 * people, each their organisation's 组织管理员, their own robots and deliveries.
 */
@SpringBootTest(properties = "yunjian.demo=true")
@AutoConfigureMockMvc
@Tag("database")
@org.yunjian.support.OnePass
class DemoNotificationAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAdministration users;

    CurrentUser demo(String username) {
        return SeedActor.account(users, username).orElseThrow();
    }

    @Test
    void theDemosAdministratorsSeeDeliveryHealthAndNotTheSecuritiesCompanysRobots() throws Exception {
        CurrentUser securities = demo(DemoData.SECURITIES_USER);
        for (String admin : new String[] {DemoData.SECURITY_ADMIN, DemoData.SECURITY_ADMIN2, DemoData.SYSTEM_ADMIN}) {
            CurrentUser a = demo(admin);
            mvc.perform(get("/organizations/" + securities.organizationId() + "/webhooks")
                            .with(as(a)))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(Matchers.containsString("按三权分立，平台管理员")));
            mvc.perform(get("/notifications").with(as(a)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"health-link\"")));
            mvc.perform(get("/admin/notification-health").with(as(a)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"health-total\"")));
        }
    }

    @Autowired
    org.yunjian.notification.internal.DemoMailSink sink;

    /** The demo mailbox shows administrators their own mail only, never an organisation's (issue 56, findings 3, 5). */
    @Test
    void theDemosAdministratorsDoNotReadTheOrganisationsMailInTheDemoMailbox() throws Exception {
        String secret = "邀请链接 " + java.util.UUID.randomUUID();
        jakarta.mail.internet.MimeMessage m = sink.createMimeMessage();
        org.springframework.mail.javamail.MimeMessageHelper h =
                new org.springframework.mail.javamail.MimeMessageHelper(m, "UTF-8");
        h.setFrom("yunjian@localhost");
        h.setTo(DemoData.CUSTOMER_USER + "@demo.example.gov.cn");
        h.setSubject(secret);
        h.setText(secret);
        sink.send(m);
        for (String admin : new String[] {DemoData.SECURITY_ADMIN, DemoData.SECURITY_ADMIN2, DemoData.SYSTEM_ADMIN}) {
            mvc.perform(get("/demo/mail").with(as(demo(admin))))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.not(Matchers.containsString(secret))));
        }
        mvc.perform(get("/demo/mail").with(as(demo(DemoData.CUSTOMER_USER))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(secret)));
    }

    @Test
    void theSecuritiesCompanysAndTheCustomersPeopleManageTheirOwnRobots() throws Exception {
        for (String user : new String[] {DemoData.SECURITIES_USER, DemoData.CUSTOMER_USER}) {
            CurrentUser u = demo(user);
            mvc.perform(get("/organizations/" + u.organizationId() + "/webhooks")
                            .with(as(u)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("id=\"robot-form\"")));
            mvc.perform(get("/admin/notification-health").with(as(u))).andExpect(status().isForbidden());
        }
    }
}
