package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.security.CurrentUser;

/**
 * The migration, drill and supervision pages as people see them (HTML through MockMvc): empty states say so, a form
 * with bad input comes back with the problem next to the field and nothing stored, a saved form says so, an
 * irreversible step is refused without its confirmation, a stranger gets 404 and a partner a partial view.
 */
@org.yunjian.support.OnePass
class MigrationPagesTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "";
    }

    String page;

    @BeforeEach
    void more() {
        page = "/systems/" + w.system().id() + "/lifecycle/";
    }

    String html(String path, CurrentUser u) throws Exception {
        return mvc.perform(get(path).with(as(u)).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void emptyDocumentsSaySoAndOfferTheirForms() throws Exception {
        assertThat(html(page + "migration", customer))
                .contains(
                        "迁移实施方案",
                        "尚未制定迁移步骤。",
                        "尚未记录数据迁移校验。",
                        "尚未记录安全合规验收测试。",
                        "id=\"step\"",
                        "id=\"plan-form\"",
                        "云服务客户应制定政府网站迁移失败的回退方案");
        assertThat(html(page + "drills", customer))
                .contains("应急预案与演练", "尚未制定应急预案。", "尚无演练记录。", "id=\"eplan\"", "id=\"drill\"");
        assertThat(html(page + "supervision", customer)).contains("运行监管", "尚未收到云服务商报告。", "尚未登记安全事件。", "尚无变更申请。");
        // the integrator reads what names it only, without forms; a stranger does not learn the system exists
        String partner = html(page + "migration", user(w.agent().id()));
        assertThat(partner).contains("只显示由本单位负责的内容").doesNotContain("id=\"step\"", "id=\"plan-form\"");
        mvc.perform(get(page + "drills").with(as(user(w.stranger().id()))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
        mvc.perform(post(page + "drills").with(as(user(w.stranger().id()))).param("heldOn", "2026-01-01"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedFormComesBackWithTheProblemNextToTheField() throws Exception {
        MvcResult refused = mvc.perform(post(page + "migration/steps")
                        .with(as(customer))
                        .param("description", "迁移网站程序")
                        .param("ownerOrg", w.provider().id().toString())
                        .param("windowStart", "2026-10-11T04:00")
                        .param("windowEnd", "2026-10-10T22:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page + "migration#step"))
                .andExpect(flash().attribute("failed", "step"))
                .andReturn();
        Map<String, Object> kept = refused.getFlashMap();
        String again = mvc.perform(get(page + "migration").with(as(customer)).flashAttrs(kept))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("未保存，请更正下列问题。", "结束时间必须晚于开始时间", "迁移网站程序");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_migration_step WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(post(page + "migration/steps")
                        .with(as(customer))
                        .param("description", "迁移网站程序")
                        .param("ownerOrg", w.provider().id().toString())
                        .param("windowStart", "2026-10-10T22:00")
                        .param("windowEnd", "2026-10-11T04:00"))
                .andExpect(flash().attribute("saved", "已保存。"));
        assertThat(html(page + "migration", customer))
                .contains("迁移网站程序", w.provider().name(), "2026-10-10 22:00 至 2026-10-11 04:00", "计划中");

        // recording a drill cannot be undone: without the confirmation nothing is stored
        mvc.perform(post(page + "drills")
                        .with(as(customer))
                        .param("heldOn", "2026-01-20")
                        .param("scenario", "DDoS")
                        .param("participants", "客户")
                        .param("findings", "无"))
                .andExpect(flash().attribute("failed", "drill"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_drill WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post(page + "drills")
                        .with(as(customer))
                        .param("heldOn", "2026-01-20")
                        .param("scenario", "DDoS")
                        .param("participants", "客户")
                        .param("findings", "清洗切换用时过长")
                        .param("confirm", "true")
                        .param("taskDescription", "优化清洗切换", "")
                        .param("taskOwner", w.provider().id().toString(), "")
                        .param("taskDue", "2026-03-01", ""))
                .andExpect(flash().attribute("saved", "已保存。"));
        assertThat(html(page + "drills", customer)).contains("2026-01-20 DDoS", "清洗切换用时过长", "优化清洗切换", "已逾期");

        // the provider's refused change is said, not silent
        mvc.perform(post(page + "migration")
                        .with(as(user(w.provider().id())))
                        .param("rollbackPlan", "回退")
                        .param("rollbackTrigger", "中断"))
                .andExpect(flash().attributeExists("conflict"));
    }
}
