package org.yunjian.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.OrganizationApiTests.json;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.yunjian.security.CurrentUser;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Texts;

/**
 * A cloud system's 测评对象 list through REST and the system page: whoever may edit the system edits it (every
 * change audited with what changed), whoever sees the system reads it, a stranger gets 404; bad values are 400s
 * naming the field, a missing or stale list version 428 / 409.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@RecordApplicationEvents
@Tag("database")
class SystemAssetTests {

    static final String DB = """
            {"type":"DATABASE","name":"门户数据库","version":"PostgreSQL 15","importance":"KEY","note":"主备"}""";
    static final String WAF = """
            {"type":"SECURITY_DEVICE","name":"Web 应用防火墙","importance":"IMPORTANT"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Fixtures.World w;
    CurrentUser customer;
    String url;

    @BeforeEach
    void world() {
        w = fixtures.world();
        customer = user(w.customer().id());
        url = "/api/systems/" + w.system().id() + "/assets";
    }

    @Test
    void customerAddsChangesReplacesAndRemovesAssetsAndEachChangeIsAudited() throws Exception {
        String added = mvc.perform(json(post(url), DB).with(as(customer)))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.type").value("DATABASE"))
                .andExpect(jsonPath("$.typeLabel").value("数据库管理系统"))
                .andExpect(jsonPath("$.importanceLabel").value("关键"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(added, "$.id");
        mvc.perform(get(url).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.assets[0].name").value("门户数据库"))
                .andExpect(jsonPath("$.assets[0].version").value("PostgreSQL 15"));

        mvc.perform(json(put(url), "{\"assets\":[" + DB + "," + WAF + "]}")
                        .header("If-Match", "\"1\"")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.assets[0].id").value(id)) // unchanged: keeps its id
                .andExpect(jsonPath("$.assets[1].name").value("Web 应用防火墙"));
        mvc.perform(json(put(url + "/" + id), DB.replace("PostgreSQL 15", "PostgreSQL 16"))
                        .header("If-Match", "\"2\"")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("PostgreSQL 16"));
        mvc.perform(delete(url + "/" + id).with(as(customer))).andExpect(status().isNoContent());
        mvc.perform(get(url).with(as(customer)))
                .andExpect(jsonPath("$.assets.length()").value(1))
                .andExpect(jsonPath("$.assets[0].name").value("Web 应用防火墙"))
                .andExpect(jsonPath("$.version").value(4));

        List<AuditableEvent> audited = events.stream(AuditableEvent.class)
                .filter(e -> e.action().startsWith("system.assets."))
                .toList();
        assertThat(audited)
                .extracting(AuditableEvent::action)
                .containsExactly(
                        "system.assets.add", "system.assets.replace", "system.assets.update", "system.assets.delete");
        assertThat(audited)
                .allMatch(e -> e.outcome() == AuditableEvent.Outcome.SUCCESS
                        && e.objectId().equals(w.system().id().toString()));
        assertThat(org.yunjian.shared.Msg.decode(audited.get(2).detail()).text(Texts.CHINESE))
                .contains("修改 1 项", "PostgreSQL 16");
        assertThat(org.yunjian.shared.Msg.decode(audited.get(3).detail()).text(Texts.CHINESE))
                .contains("删除 1 项");
    }

    @Test
    void providerReadsTheAssetsButMayNotChangeThemAndAStrangerDoesNotSeeThem() throws Exception {
        mvc.perform(json(post(url), DB).with(as(customer))).andExpect(status().isCreated());
        CurrentUser provider = user(w.provider().id());
        mvc.perform(get(url).with(as(provider)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assets[0].name").value("门户数据库"));
        mvc.perform(json(post(url), WAF).with(as(provider))).andExpect(status().isForbidden());
        mvc.perform(json(put(url), "{\"assets\":[]}")
                        .header("If-Match", "\"1\"")
                        .with(as(provider)))
                .andExpect(status().isForbidden());
        assertThat(events.stream(AuditableEvent.class)
                        .filter(e -> e.outcome() == AuditableEvent.Outcome.DENIED
                                && e.action().startsWith("system.assets.")))
                .hasSize(2);
        mvc.perform(get(url).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        mvc.perform(json(post(url), WAF).with(as(user(w.stranger().id())))).andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void rejectsUnknownTypesAndBlankNamesByFieldAndMissingOrStaleVersions() throws Exception {
        mvc.perform(json(
                                put(url),
                                "{\"assets\":[" + DB.replace("DATABASE", "ROUTER") + "," + WAF.replace("Web 应用防火墙", " ")
                                        + "]}")
                        .header("If-Match", "\"0\"")
                        .with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['assets[0].type']").value(containsString("ROUTER")))
                .andExpect(jsonPath("$.errors['assets[1].name']").exists());
        mvc.perform(json(put(url), "{\"assets\":[" + DB + "]}").with(as(customer)))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(json(post(url), WAF).with(as(customer))).andExpect(status().isCreated());
        mvc.perform(json(put(url), "{\"assets\":[" + DB + "]}")
                        .header("If-Match", "\"0\"")
                        .with(as(customer)))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(json(put(url + "/" + UUID.randomUUID()), DB)
                        .header("If-Match", "\"1\"")
                        .with(as(customer)))
                .andExpect(status().isNotFound());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theSystemPageListsTheAssetsAndItsFormReplacesThem() throws Exception {
        mvc.perform(json(post(url), DB).with(as(customer))).andExpect(status().isCreated());
        String page = "/systems/" + w.system().id();
        mvc.perform(get(page).with(as(user(w.provider().id()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("门户数据库")))
                .andExpect(content().string(containsString("数据库管理系统")))
                .andExpect(content().string(not(containsString("id=\"edit-assets\""))));
        mvc.perform(get(page + "/assets").with(as(user(w.provider().id())))).andExpect(status().isForbidden());
        mvc.perform(get(page + "/assets").with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"门户数据库\"")))
                .andExpect(content().string(containsString("name=\"rows[3].name\""))); // three blank rows to add

        // the stored row removed, a new one added, a blank row left alone
        mvc.perform(post(page + "/assets")
                        .with(as(customer))
                        .param("version", "1")
                        .param("rows[0].type", "DATABASE")
                        .param("rows[0].name", "门户数据库")
                        .param("rows[0].importance", "KEY")
                        .param("rows[0].remove", "true")
                        .param("rows[1].type", "CLOUD_MANAGEMENT")
                        .param("rows[1].name", "云管理平台")
                        .param("rows[1].version", "V5.2")
                        .param("rows[1].importance", "KEY")
                        .param("rows[2].type", "SERVER_VM")
                        .param("rows[2].name", "")
                        .param("rows[2].importance", "GENERAL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(page + "#system-assets"));
        assertThat(jdbc.sql("SELECT name FROM cloud_system_asset WHERE system_id = ?")
                        .param(w.system().id())
                        .query(String.class)
                        .list())
                .containsExactly("云管理平台");

        // a refused row is shown again beside its field, nothing saved
        mvc.perform(post(page + "/assets")
                        .with(as(customer))
                        .param("version", "2")
                        .param("rows[0].type", "CLOUD_MANAGEMENT")
                        .param("rows[0].name", "云管理平台")
                        .param("rows[0].importance", "KEY")
                        .param("rows[1].type", "DATABASE")
                        .param("rows[1].name", "x".repeat(201))
                        .param("rows[1].importance", "KEY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("field-error")))
                .andExpect(content().string(containsString("x".repeat(201))));
        // a stale form is refused and shown again with what was typed
        mvc.perform(post(page + "/assets")
                        .with(as(customer))
                        .param("version", "1")
                        .param("rows[0].type", "DATA")
                        .param("rows[0].name", "留言数据")
                        .param("rows[0].importance", "KEY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stale-version\"")))
                .andExpect(content().string(containsString("留言数据")));
        assertThat(jdbc.sql("SELECT name FROM cloud_system_asset WHERE system_id = ?")
                        .param(w.system().id())
                        .query(String.class)
                        .list())
                .containsExactly("云管理平台");
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM cloud_system_asset WHERE system_id = ?")
                .param(w.system().id())
                .query(Long.class)
                .single();
    }
}
