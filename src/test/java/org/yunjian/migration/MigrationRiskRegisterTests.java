package org.yunjian.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;

import org.junit.jupiter.api.Test;
import org.yunjian.lifecycle.LifecycleWorldTest;
import org.yunjian.support.IfMatch;

/**
 * Issue 36 L-6: the government-website guide's 5.2.1 (source line 64 "1. 政府网站迁移到云面临的安全风险") lists seven
 * risks, e.g. a) "系统不一致。政府网站系统作为一套信息系统，由很多软硬件组成，且各组件之间关系复杂，迁移过程中存在漏迁、错迁的风险。"
 * They are a risk register of the migration plan, quoted from the catalog, which the customer assesses (likelihood,
 * impact, treatment, owner) through REST and the page; a high risk without treatment or owner is refused naming the
 * field, with nothing stored; strangers get 404; every assessment is audited.
 */
class MigrationRiskRegisterTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/migration/risks";
    }

    long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM lifecycle_migration_risk WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }

    long audited() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.migration.risk'")
                .query(Long.class)
                .single();
    }

    @Test
    void govGuide5_2_1RisksFormTheMigrationRiskRegisterQuotedAndUnassessed() throws Exception {
        mvc.perform(get(base).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[0].risk").value("GOVWEB-5.2.1-a"))
                .andExpect(jsonPath("$[0].clause").value("5.2.1 a)"))
                .andExpect(jsonPath("$[0].text").value("系统不一致。政府网站系统作为一套信息系统，由很多软硬件组成，且各组件之间关系复杂，迁移过程中存在漏迁、错迁的风险。"))
                .andExpect(jsonPath("$[0].levelLabel").value("未评估"))
                .andExpect(jsonPath("$[0].version").value(0))
                .andExpect(jsonPath("$[6].risk").value("GOVWEB-5.2.1-g"));
        mvc.perform(get(base).with(as(stranger))).andExpect(status().isNotFound());

        String page = mvc.perform(get("/systems/" + w.system().id() + "/lifecycle/migration")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("风险登记", "迁移过程中存在漏迁、错迁的风险。", "risk-form-GOVWEB-5.2.1-g");
    }

    @Test
    void customerAssessesARiskAndAHighRiskWithoutTreatmentOrOwnerIsRefused() throws Exception {
        long before = audited();
        send(put(base + "/GOVWEB-5.2.1-e").with(IfMatch.version(0)), customer, """
                {"likelihood":"HIGH","impact":"MEDIUM"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.treatment").value("高等级风险须写明处置措施"))
                .andExpect(jsonPath("$.errors.ownerOrg").value("高等级风险须指定负责单位"));
        send(put(base + "/GOVWEB-5.2.1-e").with(IfMatch.version(0)), customer, """
                {"likelihood":"SOMETIMES","impact":"MEDIUM"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.likelihood").exists());
        assertThat(stored()).isZero();

        send(put(base + "/GOVWEB-5.2.1-e").with(IfMatch.version(0)), customer, """
                {"likelihood":"HIGH","impact":"MEDIUM","treatment":"迁移前演练回退，保留原环境快照",
                 "ownerOrg":"%s"}""".formatted(
                                w.provider().id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("HIGH"))
                .andExpect(jsonPath("$.levelLabel").value("高"))
                .andExpect(jsonPath("$.version").value(1));
        send(put(base + "/GOVWEB-5.2.1-e").with(IfMatch.version(0)), customer, """
                {"likelihood":"LOW","impact":"LOW"}""")
                .andExpect(status().isPreconditionFailed());
        send(put(base + "/GOVWEB-5.2.1-e").with(IfMatch.version(1)), provider, """
                {"likelihood":"LOW","impact":"LOW"}""")
                .andExpect(status().isForbidden());
        send(put(base + "/GOVWEB-9.9-z").with(IfMatch.version(0)), customer, """
                {"likelihood":"LOW","impact":"LOW"}""")
                .andExpect(status().isNotFound());
        assertThat(stored()).isEqualTo(1);
        assertThat(audited()).isEqualTo(before + 1);

        mvc.perform(post("/systems/" + w.system().id() + "/lifecycle/migration/risks/GOVWEB-5.2.1-a")
                        .with(as(customer))
                        .param("likelihood", "LOW")
                        .param("impact", "MEDIUM")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(base).with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].level").value("LOW"))
                .andExpect(jsonPath("$[4].treatment").value(containsString("回退")));
    }
}
