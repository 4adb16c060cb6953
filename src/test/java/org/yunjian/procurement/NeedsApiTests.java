package org.yunjian.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.yunjian.lifecycle.LifecycleWorldTest;

/**
 * The needs analysis through the REST API and its page: saved whole by the customer, each bad field named with
 * nothing stored, cited duties only among the guide's planning duties, the report as a Chinese DOCX, and the page
 * showing it read-only to the provider and refusing other organisations of the system.
 */
@org.yunjian.support.OnePass
public class NeedsApiTests extends LifecycleWorldTest {

    @Override
    protected String part() {
        return "/needs";
    }

    public static final String GOOD = """
            {"inventory":[{"name":"\u95e8\u6237\u7f51\u7ad9","address":"https://www.example.gov.cn",
              "classification":"IMPORTANT","sensitivity":"PERSONAL","users":"\u516c\u4f17"}],
             "decision":"MIGRATE","reasons":"\u8282\u7ea6\u6210\u672c","compute":"8 vCPU","storage":"2 TB",
             "bandwidth":"200 Mbps","availability":"99.9%","security":"\u7b2c\u4e09\u7ea7",
             "citedDuties":["GOVWEB-6.3.4.5-a"]}
            """;

    @Test
    void customerSavesTheAnalysisAndDownloadsTheReport() throws Exception {
        mvc.perform(get(base + ".docx").with(as(customer))).andExpect(status().isConflict());
        mvc.perform(put(base)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(GOOD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.analysis.inventory", hasSize(1)))
                .andExpect(jsonPath("$.analysis.decision.code").value("MIGRATE"))
                .andExpect(jsonPath("$.analysis.citedDuties[0]").value("GOVWEB-6.3.4.5-a"));
        mvc.perform(get(base).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.editable").value(false))
                .andExpect(jsonPath("$.analysis.inventory[0].sensitivity.code").value("PERSONAL"));
        byte[] docx = mvc.perform(get(base + ".docx").with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String xml = ContractReviewApiTests.unzip(docx).get("word/document.xml");
        assertThat(xml)
                .contains("\u4e91\u8ba1\u7b97\u670d\u52a1\u9700\u6c42\u5206\u6790\u62a5\u544a") // 云计算服务需求分析报告
                .contains("\u95e8\u6237\u7f51\u7ad9", "https://www.example.gov.cn", "\u8fc1\u79fb\u4e0a\u4e91")
                .contains("99.9%")
                .contains("6.3.4.5 a)")
                .contains("w:w=\"11906\"")
                .contains("<w:tbl>");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'lifecycle.needs.create' AND object_id = ?")
                        .param(w.system().id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() throws Exception {
        String bad = """
                {"inventory":[{"name":"","classification":"SECRET","sensitivity":"PERSONAL"}],
                 "decision":"MAYBE","citedDuties":["GOVWEB-7.2.1-a","nonsense"]}
                """;
        mvc.perform(put(base)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['inventory[0].name']").exists())
                .andExpect(jsonPath("$.errors['inventory[0].classification']", containsString("SECRET")))
                .andExpect(jsonPath("$.errors.decision", containsString("MAYBE")))
                .andExpect(jsonPath("$.errors.reasons").exists())
                .andExpect(jsonPath("$.errors.citedDuties", containsString("GOVWEB-7.2.1-a")));
        mvc.perform(put(base)
                        .with(as(customer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inventory\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.inventory").exists());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lifecycle_needs_analysis WHERE system_id = ?")
                        .param(w.system().id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void pageShowsTheFormToTheCustomerAndRefusesOthersOfTheSystem() throws Exception {
        String page = "/systems/" + w.system().id() + "/lifecycle/needs";
        mvc.perform(get(page).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"needs-form\"")))
                .andExpect(content().string(containsString("6.3.4.5 a)")));
        mvc.perform(post(page)
                        .with(as(customer))
                        .param("itemName", "\u95e8\u6237\u7f51\u7ad9", "")
                        .param("itemAddress", "", "")
                        .param("itemClassification", "GENERAL", "")
                        .param("itemSensitivity", "PUBLIC_ONLY", "")
                        .param("itemUsers", "", "")
                        .param("decision", "PARTLY")
                        .param("reasons", "r"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\u95e8\u6237\u7f51\u7ad9")))
                .andExpect(content().string(containsString("id=\"needs-docx\"")));
        mvc.perform(post(page).with(as(customer)).param("itemName", "").param("decision", "PARTLY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"form-errors\"")));
        mvc.perform(get(page).with(as(user(w.agent().id())))).andExpect(status().isForbidden());
        mvc.perform(get(page).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
    }
}
