package org.yunjian.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunjian.assessment.ApiAssessments;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.support.IfMatch;

/**
 * A workbook is read and checked before the assessment is locked, and a writer that cannot get the lock
 * in time is told to retry (503 + Retry-After) or that the content changed (409), never a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Fixtures.class)
@Tag("database")
class WorkbookContentionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Fixtures.World w;
    CurrentUser assessor;
    String id;
    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeEach
    void assessment() throws Exception {
        w = fixtures.world();
        assessor = user(w.assessor().id());
        String body = ApiAssessments.post(mvc, assessor, w, "并发测评");
        id = JsonPath.read(body, "$.id");
    }

    @AfterEach
    void stop() throws InterruptedException {
        // never interrupt: an interrupted thread in the middle of a write closes an H2 file database
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }

    byte[] export() throws Exception {
        return mvc.perform(get("/api/assessments/{id}/workbook", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    ResultActions importWorkbook(byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/api/assessments/{id}/workbook", id)
                .file(new MockMultipartFile("file", "items.xlsx", "application/octet-stream", xlsx))
                .with(as(assessor)));
    }

    ResultActions verdict(String itemId) throws Exception {
        return mvc.perform(put("/api/assessment-items/{id}/verdict", itemId)
                .with(IfMatch.item(jdbc, itemId))
                .with(as(assessor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\":\"COMPLIANT\"}"));
    }

    /**
     * Every row: a verdict and long field notes (random, so that they do not compress like a zip bomb), so
     * the file is large and parsing takes a while.
     */
    byte[] filledWorkbook(byte[] exported) throws Exception {
        java.util.Random random = new java.util.Random(10);
        return WorkbookRoundTripTests.edit(exported, wb -> {
            var sheet = wb.getSheet("测评项");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                StringBuilder notes = new StringBuilder("现场核查记录：");
                while (notes.length() < 19_000) {
                    notes.append(Long.toHexString(random.nextLong()));
                }
                WorkbookRoundTripTests.set(wb, r, WorkbookRoundTripTests.VERDICT, "不适用");
                WorkbookRoundTripTests.set(wb, r, WorkbookRoundTripTests.REASON, "无此设施 " + r);
                WorkbookRoundTripTests.set(wb, r, WorkbookRoundTripTests.OBSERVATIONS, notes.toString());
            }
        });
    }

    List<String> itemIds(byte[] xlsx) throws Exception {
        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("测评项");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
        return ids;
    }

    /** Holds the assessment's row lock in another transaction until the returned latch is counted down. */
    CountDownLatch holdAssessmentLock() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SELECT status FROM assessment WHERE id = ? FOR UPDATE")
                    .param(java.util.UUID.fromString(id))
                    .query(String.class)
                    .single();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    @Test
    void aBadWorkbookIsRefusedWhileAnotherWriterHoldsTheAssessmentLock() throws Exception {
        byte[] exported = export();
        byte[] badRows = WorkbookRoundTripTests.edit(
                exported, wb -> WorkbookRoundTripTests.set(wb, 1, WorkbookRoundTripTests.VERDICT, "大概符合"));
        CountDownLatch release = holdAssessmentLock();
        try {
            // parsed and checked without the lock: the answer is about the file, not about the lock
            importWorkbook("not a workbook".getBytes())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:yunjian:problem:workbook-rejected"));
            importWorkbook(badRows)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.problems[0].row").value(2));
        } finally {
            release.countDown();
        }
    }

    @Test
    void writersThatCannotGetTheLockInTimeAreToldToRetryNotGiven500() throws Exception {
        byte[] exported = export();
        byte[] filled = filledWorkbook(exported);
        String item = itemIds(exported).get(0);
        CountDownLatch release = holdAssessmentLock();
        try {
            importWorkbook(filled)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.type").value("urn:yunjian:problem:busy"));
            verdict(item).andExpect(status().isServiceUnavailable()).andExpect(header().exists("Retry-After"));
            // the page gets the error page saying so, with the same status
            mvc.perform(post("/assessment-items/{id}/verdict", item)
                            .with(IfMatch.itemForm(jdbc, item))
                            .with(as(assessor))
                            .param("verdict", "COMPLIANT")
                            .accept(MediaType.TEXT_HTML))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.view()
                            .name("web/error"));
        } finally {
            release.countDown();
        }
        importWorkbook(filled).andExpect(status().isOk());
    }

    @Test
    void aLargeImportConcurrentWithVerdictUpdatesNeverAnswers500() throws Exception {
        byte[] exported = export();
        byte[] filled = filledWorkbook(exported);
        assertThat(filled.length).isGreaterThan(300_000);
        List<String> items = itemIds(exported);
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> importing = pool.submit(() -> {
            start.await();
            return importWorkbook(filled).andReturn().getResponse().getStatus();
        });
        List<Future<List<Integer>>> writers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            writers.add(pool.submit(() -> {
                start.await();
                List<Integer> statuses = new ArrayList<>();
                for (int i = offset; i < Math.min(items.size(), 40); i += 2) {
                    statuses.add(verdict(items.get(i)).andReturn().getResponse().getStatus());
                }
                return statuses;
            }));
        }
        start.countDown();
        List<Integer> all = new ArrayList<>(List.of(importing.get(120, TimeUnit.SECONDS)));
        for (Future<List<Integer>> f : writers) {
            all.addAll(f.get(120, TimeUnit.SECONDS));
        }
        assertThat(all).isNotEmpty().allSatisfy(s -> assertThat(s).isIn(200, 409, 412, 503));
    }
}
