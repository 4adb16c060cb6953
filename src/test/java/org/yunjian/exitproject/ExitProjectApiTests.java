package org.yunjian.exitproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.yunjian.party.PartyTestSupport.admin;
import static org.yunjian.party.PartyTestSupport.as;
import static org.yunjian.party.PartyTestSupport.user;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yunjian.crypto.Sm3;
import org.yunjian.exit.DeletionCertificate;
import org.yunjian.exit.Finding;
import org.yunjian.exit.Keys;
import org.yunjian.exit.SignedVerificationReport;
import org.yunjian.exitproject.internal.ExitProjectService;
import org.yunjian.party.Fixtures;
import org.yunjian.security.CurrentUser;
import org.yunjian.security.MutableClock;
import org.yunjian.support.IfMatch;
import org.yunjian.support.PdfInspection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** An exit project through the REST API, with the real services, database, offline CLI and a settable clock. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({Fixtures.class, ExitProjectApiTests.Clocks.class})
@Tag("database")
class ExitProjectApiTests {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock exitProjectTestClock() {
            return new MutableClock();
        }
    }

    /** The provider's object storage: S3Proxy's transient store, which keeps versions and delete markers. */
    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withBlobStoreProvider("transient")
            .withCredentials("access", "secret")
            .build();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.yunjian.security.UserAdministration users;

    @Autowired
    org.yunjian.catalog.Catalog catalog;

    @TempDir
    Path tmp;

    Fixtures.World w;
    CurrentUser customer;
    CurrentUser provider;
    CurrentUser agent;
    CurrentUser assessor;
    CurrentUser stranger;
    HandOver handOver;

    @BeforeEach
    void world() throws Exception {
        clock.set(java.time.Instant.now());
        w = fixtures.world();
        customer = user(w.customer().id());
        provider = user(w.provider().id());
        agent = user(w.agent().id());
        assessor = user(w.assessor().id());
        stranger = user(w.stranger().id());
        handOver = new HandOver(tmp);
    }

    ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b, CurrentUser u, String json)
            throws Exception {
        return mvc.perform(b.with(as(u)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    String create() throws Exception {
        String body = send(post("/api/exit-projects"), customer, """
                {"name":"门户网站退出","systemId":"%s"}""".formatted(
                                w.system().id()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions move(String id, String to, CurrentUser u) throws Exception {
        return send(post("/api/exit-projects/{id}/transitions", id).with(current(id)), u, "{\"to\":\"" + to + "\"}");
    }

    /** {@code If-Match} with the project's stored version, as a client that read the project first. */
    RequestPostProcessor current(String id) {
        return IfMatch.current(jdbc, "exit_project", UUID.fromString(id));
    }

    /** {@code If-Match} with the stored version of checklist item {@code item} of project {@code id}. */
    RequestPostProcessor currentItem(String id, String item) {
        return IfMatch.current(
                jdbc, "exit_checklist_item", Map.of("project_id", UUID.fromString(id), "item_key", item));
    }

    ResultActions uploadManifest(String id, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/manifests", id)
                .file(new MockMultipartFile(
                        "file", "portal-handover.jsonl", "application/x-ndjson", Files.readAllBytes(handOver.manifest)))
                .with(as(u)));
    }

    ResultActions uploadManifestInEnglish(String id, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/manifests", id)
                .file(new MockMultipartFile(
                        "file", "portal-handover.jsonl", "application/x-ndjson", Files.readAllBytes(handOver.manifest)))
                .header("Accept-Language", "en")
                .with(as(u)));
    }

    ResultActions uploadReport(String id, Path report, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/verification-runs", id)
                .file(new MockMultipartFile(
                        "file", report.getFileName().toString(), "application/json", Files.readAllBytes(report)))
                .with(as(u)));
    }

    ResultActions uploadCheck(String id, String name, byte[] report, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/storage-checks", id)
                .file(new MockMultipartFile("file", name, "application/json", report))
                .with(as(u)));
    }

    ResultActions uploadCheckInEnglish(String id, String name, byte[] report, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/storage-checks", id)
                .file(new MockMultipartFile("file", name, "application/json", report))
                .header("Accept-Language", "en")
                .with(as(u)));
    }

    ResultActions uploadCheck(String id, Path report, CurrentUser u) throws Exception {
        return uploadCheck(id, report.getFileName().toString(), Files.readAllBytes(report), u);
    }

    S3Client s3() {
        return S3Client.builder()
                .endpointOverride(S3_PROXY.getUri())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
                .build();
    }

    /** A versioned bucket (its name unique per test) whose one object under {@code citizens/} was deleted. */
    String bucketWithLeftovers(S3Client s3) {
        String bucket = "portal-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(
                b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putObject(b -> b.bucket(bucket).key("citizens/1.csv"), RequestBody.fromString("110101199001011234,张三"));
        s3.deleteObject(b -> b.bucket(bucket).key("citizens/1.csv")); // the version stays, under a delete marker
        return bucket;
    }

    Path checkDeleted(String name, String target) throws Exception {
        return handOver.checkDeleted(name, S3_PROXY.getUri().toString(), target, "access", "secret");
    }

    String today() {
        return LocalDate.ofInstant(clock.instant(), org.yunjian.shared.Formats.zone())
                .toString();
    }

    void registerVerifier(String id) throws Exception {
        send(
                        put("/api/exit-projects/{id}/verifier-key", id).with(current(id)),
                        customer,
                        "{\"pem\":" + quote(handOver.verifierPem()) + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verifierKeyFingerprint").isString());
    }

    /** Planning through verification: key, manifest, item, approval, a clean run; leaves the project in DELETION. */
    String toDeletion() throws Exception {
        String id = toVerification();
        uploadReport(id, handOver.report("verify.json"), customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.clean").value(true))
                .andExpect(jsonPath("$.data.totals.ok").value(2))
                .andExpect(jsonPath("$.data.manifestSm3")
                        .value(Sm3.digest(handOver.manifest).hex()));
        move(id, "DELETION", customer).andExpect(status().isOk());
        return id;
    }

    /** Key, manifest, item, approval and the customer's verifier key; leaves the project in VERIFICATION. */
    String toVerification() throws Exception {
        String id = create();
        move(id, "HANDOVER", customer).andExpect(status().isOk());
        send(
                        put("/api/exit-projects/{id}/provider-key", id).with(current(id)),
                        provider,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isOk());
        uploadManifest(id, provider)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.files").value(2))
                .andExpect(jsonPath("$.data.sensitiveFiles").value(1))
                .andExpect(jsonPath("$.data.items[0].category").value("key-custody"))
                .andExpect(jsonPath("$.data.signature").value("VALID"));
        send(post("/api/exit-projects/{id}/items", id), provider, """
                {"category":"conversion-tool","name":"专有格式转换工具","description":"导出为 CSV","sensitivity":"公开"}""").andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/inventory-approval", id).with(current(id)), customer, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inventoryApproved").value(true));
        move(id, "VERIFICATION", customer).andExpect(status().isOk());
        registerVerifier(id);
        return id;
    }

    ResultActions uploadReportEn(String id, String name, byte[] report, CurrentUser u) throws Exception {
        return mvc.perform(multipart("/api/exit-projects/{id}/verification-runs", id)
                .file(new MockMultipartFile("file", name, "application/json", report))
                .header("Accept-Language", "en")
                .with(as(u)));
    }

    @Test
    void verificationReportsThatDoNotProveTheCustomerVerifiedAnApprovedManifestAreRefusedNamingTheProblem()
            throws Exception {
        String id = toVerification();
        byte[] good = Files.readAllBytes(handOver.report("good.json"));

        // a report of another manifest (another hand-over), signed by the registered verifier
        HandOver other = new HandOver(Files.createDirectories(tmp.resolve("other")));
        String[] out = HandOver.cli(
                "exit",
                "verify",
                "--manifest",
                other.manifest.toString(),
                "--pubkey",
                other.publicKey.toString(),
                other.tree.toString(),
                "--json",
                "--key",
                handOver.verifierKey.toString());
        uploadReportEn(id, "other.json", out[1].getBytes(StandardCharsets.UTF_8), customer)
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("no approved manifest")));

        // edited by one byte after signing
        String text = new String(good, StandardCharsets.UTF_8);
        assertThat(text).contains("\"ok\":2");
        uploadReportEn(
                        id,
                        "edited.json",
                        text.replace("\"ok\":2", "\"ok\":3").getBytes(StandardCharsets.UTF_8),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.containsString("does not match the verifier key")));

        // signed by the provider's key instead of the customer's side, and not signed at all
        uploadReportEn(
                        id,
                        "provider.json",
                        Files.readAllBytes(handOver.report("p.json", handOver.privateKey)),
                        customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.containsString("does not match the verifier key")));
        uploadReportEn(id, "unsigned.json", Files.readAllBytes(handOver.report("u.json", null)), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("not signed")));

        // a good report uploaded by an agent (integrator) or the provider
        uploadReportEn(id, "agent.json", good, agent)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.containsString("only the customer's side")));
        uploadReportEn(id, "provider.json", good, provider).andExpect(status().isForbidden());

        // clean: true with a finding, properly signed
        SignedVerificationReport r = SignedVerificationReport.read(good).report();
        SignedVerificationReport lying = new SignedVerificationReport(
                r.manifestSm3(),
                r.manifestSignatureSm3(),
                r.tool(),
                r.target(),
                r.algorithm(),
                r.manifestSignature(),
                r.signatureDetail(),
                true,
                false,
                r.totals(),
                java.util.List.of(new Finding(Finding.Kind.MISSING, "db/citizens.csv", "50", null, null)));
        byte[] signed = lying.sign(handOver.verifier.getPrivate(), handOver.verifier.getPublic());
        uploadReportEn(id, "lying.json", signed, customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.containsString("contradicts its findings")));
        // and in Chinese by default
        mvc.perform(multipart("/api/exit-projects/{id}/verification-runs", id)
                        .file(new MockMultipartFile("file", "lying.json", "application/json", signed))
                        .header("Accept-Language", "zh-CN")
                        .with(as(customer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("结论与其发现不符")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM exit_project_record WHERE project_id = ? AND kind = 'VERIFICATION'")
                        .param(java.util.UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        uploadReportEn(id, "good.json", good, customer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.manifestSignatureSm3").isString())
                .andExpect(jsonPath("$.data.verifier").isString());
    }

    /** The checklist settled, the authorisation, plan, deletion record and one media sanitisation. */
    void recordTheDeletion(String id) throws Exception {
        for (String item : ExitProjectService.CHECKLIST_KEYS) {
            send(put("/api/exit-projects/{id}/checklist", id).with(currentItem(id, item)), customer, """
                    {"item":"%s","status":"DONE","note":"已落实"}""".formatted(
                                    item))
                    .andExpect(status().isOk());
        }
        send(post("/api/exit-projects/{id}/deletion-authorisations", id), customer, """
                {"signatory":"办公厅主任 李某","reference":"示办函〔2026〕12号","scope":"门户网站全部数据及备份",
                 "authorisedOn":"%s","retainUntil":"%s"}""".formatted(today(), today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/deletion-plans", id), provider, """
                {"scope":"全部数据及备份","method":"逻辑删除后覆写","backups":"异地备份一并删除","plannedOn":"%s"}""".formatted(today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/deletion-records", id), provider, """
                {"deletedOn":"%s","scope":"全部数据及备份","method":"覆写三次","backups":"两份备份已删除",
                 "operator":"运维 王五","witness":"客户 张工","result":"抽查无残留"}""".formatted(today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-0042","mediumType":"SSD","heldSensitive":true,"method":"PURGE","nextUse":"SENSITIVE_DATA",
                 "operator":"运维 王五","witness":"客户 张工","date":"%s","result":"加密擦除后抽检无残留"}""".formatted(today()))
                .andExpect(status().isCreated());
    }

    /**
     * The provider's countersignature, as a provider does it: registers its key (once), downloads the deletion record,
     * signs it offline with {@code yunjian exit countersign} and uploads what the command printed.
     */
    String countersign(String id) throws Exception {
        clock.advance(Duration.ofSeconds(1)); // records of one project are ordered by when they were made
        String detail = mvc.perform(get("/api/exit-projects/{id}", id).with(as(provider)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        if (JsonPath.read(detail, "$.countersignKey") == null) {
            send(
                            put("/api/exit-projects/{id}/countersign-key", id),
                            provider,
                            "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                    .andExpect(status().isOk());
        }
        String[] out = countersignOffline(id, handOver.privateKey);
        send(post("/api/exit-projects/{id}/countersignature", id), provider, "{\"signature\":\"" + out[0] + "\"}")
                .andExpect(status().isCreated());
        return out[0];
    }

    /** Downloads the deletion record and countersigns it with {@code key} through the CLI: {signature, record SM3}. */
    String[] countersignOffline(String id, Path key) throws Exception {
        byte[] record = mvc.perform(
                        get("/api/exit-projects/{id}/deletion-record", id).with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = Files.write(tmp.resolve("deletion-record-" + UUID.randomUUID() + ".json"), record);
        String[] out = HandOver.cli("exit", "countersign", file.toString(), "--key", key.toString());
        assertThat(out[0]).as(out[2]).isEqualTo("0");
        assertThat(out[2]).isEmpty();
        return new String[] {out[1].strip(), Sm3.hex(record)};
    }

    @Test
    void customerAndProviderWalkAnExitProjectToAVerifiableCertificate() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        countersign(id);

        send(post("/api/exit-projects/{id}/certificate", id), provider, "").andExpect(status().isForbidden());
        String number = JsonPath.read(
                send(post("/api/exit-projects/{id}/certificate", id), customer, "")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.sm3").isString())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.number");
        // a human number of its own series (docs/glossary.md), not a UUID
        assertThat(number).matches("YJ-DEL-\\d{4}-\\d{6}");
        // the global search finds the certificate by its number for the system's parties, never for a stranger
        mvc.perform(get("/api/search").param("q", number).with(as(customer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificates[0].title").value(number))
                .andExpect(jsonPath("$.certificates[0].href").value("/exit-projects/" + id + "#certificate"))
                .andExpect(jsonPath("$.certificatesTotal").value(1));
        mvc.perform(get("/api/search")
                        .param("q", number.toLowerCase(java.util.Locale.ROOT))
                        .with(as(provider)))
                .andExpect(jsonPath("$.certificates[0].title").value(number));
        mvc.perform(get("/api/search").param("q", number).with(as(stranger)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificates").isEmpty())
                .andExpect(jsonPath("$.certificatesTotal").value(0));
        var download = mvc.perform(
                        get("/api/exit-projects/{id}/certificate", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        byte[] json = download.getContentAsByteArray();
        String today = today();
        assertThat(download.getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"deletion-certificate-" + number + "-" + today + ".json\"")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("数据删除证明-", StandardCharsets.UTF_8));
        String pem = mvc.perform(get("/api/exit-projects/signing-key").with(as(stranger)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the key is public: whoever holds a certificate can check it without an account
        assertThat(mvc.perform(get("/api/exit-projects/signing-key"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .isEqualTo(pem)
                .startsWith("-----BEGIN PUBLIC KEY-----");
        DeletionCertificate.Verified v = DeletionCertificate.verify(json, Keys.readPublicKey(pem));
        assertThat(v.certificate().number()).isEqualTo(number);
        assertThat(v.summary().text(java.util.Locale.SIMPLIFIED_CHINESE))
                .contains(
                        number,
                        w.system().name(),
                        w.customer().name(),
                        w.provider().name());
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        org.yunjian.crypto.Sm3.hex(Files.readAllBytes(handOver.manifest)),
                        "DISK-0042",
                        "示办函〔2026〕12号",
                        "GB/T 31167 9.1 7.",
                        "\"retainUntil\":\"" + today() + "\"");
        // the certificate quotes which report verified which manifest
        String manifestSm3 = Sm3.hex(Files.readAllBytes(handOver.manifest));
        String reportSm3 = Sm3.hex(Files.readAllBytes(handOver.dir.resolve("verify.json")));
        DeletionCertificate.VerificationRun run =
                v.certificate().verificationRuns().get(0);
        assertThat(run.reportSm3()).isEqualTo(reportSm3);
        assertThat(run.manifestSm3()).isEqualTo(manifestSm3);
        assertThat(run.manifestSignatureSm3()).isNotNull();

        byte[] pdf = mvc.perform(
                        get("/api/exit-projects/{id}/certificate.pdf", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection inspection = new PdfInspection(pdf);
        String pdfText = inspection.text(1, inspection.pages()).replaceAll("\\s+", "");
        assertThat(pdfText)
                .contains(
                        "数据删除证明",
                        "介质清理记录",
                        "净化",
                        w.system().name().replace(" ", ""),
                        number,
                        v.sm3(),
                        reportSm3 + "→" + manifestSm3);

        // frozen after issue; closing needs the certificate, which now exists
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-9","mediumType":"HDD","heldSensitive":false,"method":"CLEAR","nextUse":"PUBLIC_DATA",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isConflict());
        move(id, "CLOSED", customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    /** A deletion card with nothing recorded yet says so, for the party that has no form there too. */
    @Test
    void theDeletionCardsSayWhenNothingIsRecordedYet() throws Exception {
        String id = toDeletion();
        String before = mvc.perform(get("/exit-projects/{id}", id).with(as(provider)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(before)
                .doesNotContain("id=\"authorisation-form\"")
                .containsPattern("id=\"authorisation-none\"[^>]*>暂无</p>")
                .containsPattern("id=\"plan-none\"[^>]*>暂无</p>")
                .containsPattern("id=\"deletion-none\"[^>]*>暂无</p>");
        recordTheDeletion(id);
        assertThat(mvc.perform(get("/exit-projects/{id}", id).with(as(provider)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("id=\"authorisation-none\"", "id=\"plan-none\"", "id=\"deletion-none\"");
    }

    /**
     * Issuing the certificate, approving the inventory, moving into 删除 and closing cannot be undone: the page's
     * form carries a required confirmation and the server refuses without {@code confirm=true}, after checking the
     * caller's duty (the provider is refused with 403, not with a hint).
     */
    @Test
    void irreversibleStepsOnThePageNeedAConfirmation() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        countersign(id);
        mvc.perform(post("/exit-projects/{id}/certificate", id).with(as(provider)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", "签发数据删除证明不可撤销：请勾选确认后再提交。"));
        mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/exit-projects/{id}/transition", id)
                        .param("to", "CLOSED")
                        .with(as(customer)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", "完成退出不可撤销：请勾选确认后再提交。"));

        String page = mvc.perform(get("/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .containsPattern(
                        "<input type=\"checkbox\" name=\"confirm\" value=\"true\" required id=\"confirm-issue\">");
        mvc.perform(post("/exit-projects/{id}/certificate", id)
                        .param("confirm", "true")
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isOk());
        mvc.perform(post("/exit-projects/{id}/transition", id)
                        .param("to", "CLOSED")
                        .param("confirm", "true")
                        .with(IfMatch.formField(jdbc, "exit_project", UUID.fromString(id)))
                        .with(as(customer)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.project.status").value("CLOSED"));

        String other = create();
        move(other, "HANDOVER", customer).andExpect(status().isOk());
        mvc.perform(post("/exit-projects/{id}/approve", other).with(as(customer)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", "批准移交清单是客户的正式确认：请勾选确认后再提交。"));
        mvc.perform(post("/exit-projects/{id}/transition", other)
                        .param("to", "DELETION")
                        .with(as(customer)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("conflict", "进入删除阶段不可撤销：请勾选确认后再提交。"));
    }

    /** Latin words a Chinese certificate may hold: standards, algorithms, units, formats and the CLI's own command. */
    static final java.util.Set<String> ALLOWED = java.util.Set.of(
            "GB",
            "T",
            "JR",
            "SM2",
            "SM3",
            "JSON",
            "PDF",
            "KB",
            "MB",
            "B",
            "IaaS",
            "CSV",
            "SSD",
            "DISK",
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "yunjian",
            "exit",
            "verify",
            "certificate",
            "pubkey",
            "json",
            "pem");

    static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /**
     * The certificate for people is a Chinese document in Chinese mode: no English word outside the allow-list
     * once what people typed and the digests are taken out; the issuer and the approver by display name, times in
     * Beijing time, the manifest's size in KB/MB, the sanitisation method and the item type by name. In English
     * mode the same certificate is English.
     */
    @Test
    void chineseCertificateHoldsNoEnglishAndShowsDisplayNamesBeijingTimeAndSizes() throws Exception {
        String username = "cert-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String displayName = "李客户" + username.substring(5, 9).replaceAll("[a-f]", "六");
        var account = org.yunjian.security.TestAccounts.create(
                users,
                new org.yunjian.security.UserAdministration.NewUser(
                        username,
                        displayName,
                        org.yunjian.security.Role.USER,
                        w.customer().id(),
                        "Certificate-Language-Test-2026!"));
        customer = new CurrentUser(account.id(), username, w.customer().id(), org.yunjian.security.Role.USER);
        String id = toDeletion();
        recordTheDeletion(id);
        countersign(id);
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        String json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        byte[] zh = mvc.perform(get("/api/exit-projects/{id}/certificate.pdf", id)
                        .header("Accept-Language", "zh-CN")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection inspection = new PdfInspection(zh);
        String text = inspection.text(1, inspection.pages());
        Files.write(tmp.resolve("certificate-zh.pdf"), zh);
        if (System.getProperty("certificate.pdf.out") != null) {
            Files.write(Path.of(System.getProperty("certificate.pdf.out")), zh);
        }
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat)
                .contains(displayName, "（北京时间）", "净化", "公开", "格式转换工具", "仅存放敏感信息", "第三级", "签名有效")
                .doesNotContain(username)
                .doesNotContain("PURGE")
                .doesNotContain("SENSITIVE_DATA")
                .doesNotContain("conversion-tool")
                .doesNotContain("VALID")
                .doesNotContain("IAAS");
        int bytes = JsonPath.read(json, "$.certificate.manifests[0].bytes");
        assertThat(flat).contains(org.yunjian.shared.Formats.size(bytes).replace(" ", ""));

        // what people typed and the digests, signatures and paths are not the certificate's words
        java.util.List<String> typed = new java.util.ArrayList<>();
        typed.add(JsonPath.read(json, "$.signature.value"));
        typed.add(JsonPath.read(json, "$.certificate.countersignature.value"));
        typed.add(JsonPath.read(json, "$.signature.userId"));
        typed.add(JsonPath.read(json, "$.signature.algorithm")); // SM3withSM2, an algorithm's name
        typed.add(JsonPath.read(json, "$.certificate.number")); // YJ-DEL-2026-000001, a number
        typed.add(JsonPath.read(json, "$.certificate.id"));
        typed.addAll(JsonPath.read(json, "$.certificate.manifests[*].fileName"));
        typed.addAll(JsonPath.read(json, "$.certificate.manifests[*].signature"));
        typed.addAll(JsonPath.read(json, "$.certificate.verificationRuns[*].target"));
        typed.add(w.system().name());
        typed.add(w.customer().name());
        typed.add(w.provider().name());
        typed.add(w.agent().name());
        String rest = text;
        for (String t : typed) { // a table cell wraps anywhere: the value may have line breaks inside
            rest = rest.replaceAll(
                    String.join(
                            "\\s*",
                            t.replaceAll("\\s+", "")
                                    .codePoints()
                                    .mapToObj(c -> java.util.regex.Pattern.quote(Character.toString(c)))
                                    .toList()),
                    " ");
        }
        rest = rest.replaceAll(
                "(?<![A-Za-z0-9])[0-9a-f](\\s*[0-9a-f]){63,}|\\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\b", " ");
        java.util.Set<String> english = new java.util.TreeSet<>();
        java.util.regex.Matcher m = WORD.matcher(rest);
        while (m.find()) {
            if (!ALLOWED.contains(m.group())) {
                english.add(m.group());
            }
        }
        assertThat(english).as("English words in the Chinese certificate").isEmpty();

        // the page names the issuer and the approver by display name too
        String page = mvc.perform(get("/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher issued = java.util.regex.Pattern.compile("id=\"certificate-issued\">([^<]*)<")
                .matcher(page);
        assertThat(issued.find()).isTrue();
        assertThat(issued.group(1)).contains(displayName).doesNotContain(username);
        assertThat(page).contains("已由 " + displayName + " 于");

        byte[] en = mvc.perform(get("/api/exit-projects/{id}/certificate.pdf", id)
                        .header("Accept-Language", "en")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection english2 = new PdfInspection(en);
        assertThat(english2.text(1, english2.pages()))
                .contains("Deletion certificate", "(Beijing time)", "Purge", displayName)
                .doesNotContain("介质清理记录");
    }

    /**
     * Issue 10: a lone surrogate in the provider's deletion record made the certificate fail with 500 forever. A
     * record stored before input was checked (here straight through JDBC, as the JSON escape {@code \\ud800} plus
     * NUL and U+FFFF) is attested with U+FFFD in their place; the certificate issues, verifies offline with
     * {@code yunjian exit verify-certificate}, and renders as PDF.
     */
    @Test
    void aDeletionRecordHoldingALoneSurrogateStillYieldsAVerifiableCertificate() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        // a refused character never gets in through the API …
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-\\ud800","mediumType":"HDD","heldSensitive":false,"method":"CLEAR","nextUse":"NONE",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mediumId").exists());
        // … but one written before the rule existed must not block the project
        assertThat(jdbc.sql("UPDATE exit_project_record SET payload = REPLACE(payload, ?, ?) WHERE project_id = ? "
                                + "AND kind = 'DELETION'")
                        .params("抽查无残留", "抽查\\ud800\\u0000\\uffff无残留", java.util.UUID.fromString(id))
                        .update())
                .isEqualTo(1);

        countersign(id);
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        byte[] json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("抽查\ufffd\ufffd\ufffd无残留");
        Path certificate = tmp.resolve("certificate.json");
        Path key = tmp.resolve("signing.pub.pem");
        Files.write(certificate, json);
        Files.writeString(
                key,
                mvc.perform(get("/api/exit-projects/signing-key"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        String[] ok = HandOver.cli("exit", "verify-certificate", certificate.toString(), "--pubkey", key.toString());
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        mvc.perform(get("/api/exit-projects/{id}/certificate.pdf", id).with(as(customer)))
                .andExpect(status().isOk());
        mvc.perform(get("/exit-projects/{id}", id).with(as(customer))).andExpect(status().isOk());
    }

    @Test
    void theLatestObjectStorageCheckOfEachPrefixMustBeEmptyAndTheCertificateQuotesTheChecks() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        countersign(id);
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.certificateBlockers").isEmpty()); // no object storage, no check needed
        Path leftovers;
        Path gone;
        String bucket;
        try (S3Client s3 = s3()) {
            bucket = bucketWithLeftovers(s3);
            leftovers = checkDeleted("leftovers.json", "s3://" + bucket + "/citizens");
            uploadCheck(id, leftovers, provider)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.data.bucket").value(bucket))
                    .andExpect(jsonPath("$.data.prefix").value("citizens/"))
                    .andExpect(jsonPath("$.data.empty").value(false))
                    .andExpect(jsonPath("$.data.remaining").value(2))
                    .andExpect(jsonPath("$.data.totals.nonCurrent").value(1))
                    .andExpect(jsonPath("$.data.totals.deleteMarkers").value(1))
                    .andExpect(jsonPath("$.recordedBy").isString());
            mvc.perform(get("/api/exit-projects/{id}", id).with(as(assessor)))
                    .andExpect(jsonPath("$.storageChecks.length()").value(1))
                    .andExpect(jsonPath("$.certificateBlockers.length()").value(2))
                    .andExpect(jsonPath("$.certificateBlockers[0].code").value("storage"))
                    // a new check changed the deletion record: the countersignature over the old one is void
                    .andExpect(jsonPath("$.certificateBlockers[1].code").value("countersign.VOID"))
                    .andExpect(jsonPath("$.certificateBlockers[0].message")
                            .value(org.hamcrest.Matchers.startsWith("对象存储 s3://" + bucket + "/citizens/ 未确认已清空")));
            mvc.perform(get("/api/exit-projects/{id}", id).with(as(assessor)).header("Accept-Language", "en"))
                    .andExpect(jsonPath("$.certificateBlockers[0].message")
                            .value(org.hamcrest.Matchers.startsWith(
                                    "Object storage s3://" + bucket + "/citizens/ is not confirmed empty")));
            send(post("/api/exit-projects/{id}/certificate", id), customer, "")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-precondition"))
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.startsWith(
                                    "尚不能签发数据删除证明：对象存储 s3://" + bucket + "/citizens/ 未确认已清空")));
            send(post("/api/exit-projects/{id}/certificate", id).header("Accept-Language", "en"), customer, "")
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.startsWith(
                                    "Cannot issue the deletion certificate: Object storage s3://" + bucket)));
            String page = mvc.perform(get("/exit-projects/{id}", id).with(as(agent)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains(
                            "id=\"storage-checks\"",
                            "s3://" + bucket + "/citizens/",
                            "data-open=\"true\"",
                            "仍有残留（2 项）",
                            "0 / 1 / 1 / 0",
                            "id=\"upload-storage-check\"",
                            "对象存储 s3://" + bucket + "/citizens/ 未确认已清空",
                            "0 个当前对象、1 个非当前版本、1 个删除标记");
            assertThat(mvc.perform(get("/exit-projects/{id}", id).with(as(assessor)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("s3://" + bucket + "/citizens/")
                    .doesNotContain("upload-storage-check");

            // every version and marker deleted; the customer's agent checks the whole bucket, which covers citizens/
            var listing = s3.listObjectVersions(b -> b.bucket(bucket));
            listing.versions()
                    .forEach(v ->
                            s3.deleteObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())));
            listing.deleteMarkers()
                    .forEach(d ->
                            s3.deleteObject(b -> b.bucket(bucket).key(d.key()).versionId(d.versionId())));
            gone = checkDeleted("gone.json", "s3://" + bucket);
        }
        uploadCheck(id, gone, agent)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.empty").value(true))
                .andExpect(jsonPath("$.data.remaining").value(0));
        countersign(id);
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.certificateBlockers").isEmpty());
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());

        byte[] json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .contains(
                        "\"storageChecks\":[",
                        "\"bucket\":\"" + bucket + "\"",
                        org.yunjian.crypto.Sm3.hex(Files.readAllBytes(leftovers)),
                        org.yunjian.crypto.Sm3.hex(Files.readAllBytes(gone)));
        Path certificate = tmp.resolve("certificate.json");
        Files.write(certificate, json);
        Path key = tmp.resolve("signing.pub.pem");
        Files.writeString(
                key,
                mvc.perform(get("/api/exit-projects/signing-key").with(as(customer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        String[] ok = HandOver.cli("exit", "verify-certificate", certificate.toString(), "--pubkey", key.toString());
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        assertThat(ok[1]).contains("2 object-storage checks");
        byte[] changed = json.clone();
        int at = text.indexOf("\"prefix\":\"citizens/\"") + "\"prefix\":\"c".length();
        changed[at] = 'k';
        Files.write(certificate, changed);
        String[] bad = HandOver.cli("exit", "verify-certificate", certificate.toString(), "--pubkey", key.toString());
        assertThat(bad[0]).isEqualTo("1");
        assertThat(bad[2]).contains("bad signature");

        byte[] pdf = mvc.perform(
                        get("/api/exit-projects/{id}/certificate.pdf", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection inspection = new PdfInspection(pdf);
        assertThat(inspection.text(1, inspection.pages()).replaceAll("\\s+", ""))
                .contains("对象存储删除核查", "s3://" + bucket + "/citizens/", "仍有残留2项", "已清空");

        uploadCheck(id, gone, provider)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-certificate-issued"));
    }

    /**
     * Issue 34, finding 8: the certificate was the customer's word alone. It is refused until the provider
     * countersigned the deletion record with its registered SM2 key; a signature by another key or over another
     * record is refused naming both; a record or key changed after countersigning voids the countersignature; only
     * the provider registers the key and countersigns; the hand-off shows on 我的待办 of each side.
     */
    @Test
    void certificateIsRefusedUntilTheProviderCountersignsTheDeletionRecordWithItsRegisteredKey() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.countersigning").value("NO_KEY"))
                .andExpect(jsonPath("$.certificateBlockers[0].code").value("countersign.NO_KEY"));
        send(post("/api/exit-projects/{id}/certificate", id), customer, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("尚不能签发数据删除证明：云服务商尚未登记会签公钥"));
        assertThat(myWork(provider)).contains("登记会签公钥并会签删除记录：门户网站退出");

        // only the provider's side registers the key and countersigns
        String pem = quote(handOver.publicKeyPem());
        send(put("/api/exit-projects/{id}/countersign-key", id), customer, "{\"pem\":" + pem + "}")
                .andExpect(status().isForbidden());
        send(put("/api/exit-projects/{id}/countersign-key", id), agent, "{\"pem\":" + pem + "}")
                .andExpect(status().isForbidden());
        send(put("/api/exit-projects/{id}/countersign-key", id), provider, "{\"pem\":\"-----BEGIN PUBLIC KEY-----\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.pem").exists());
        String fingerprint = Keys.fingerprint(handOver.pair.getPublic());
        send(put("/api/exit-projects/{id}/countersign-key", id), provider, "{\"pem\":" + pem + "}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.fingerprint").value(fingerprint));
        send(post("/api/exit-projects/{id}/certificate", id).header("Accept-Language", "en"), customer, "")
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.detail")
                                .value(
                                        "Cannot issue the deletion certificate: The provider has not countersigned the deletion record"));
        assertThat(myWork(provider)).contains("删除记录待会签：门户网站退出");
        send(post("/api/exit-projects/{id}/countersignature", id), customer, "{\"signature\":\"AAAA\"}")
                .andExpect(status().isForbidden());

        // signed by another key, and the right key over another record: refused, naming the record and the key
        Path otherKey = Files.writeString(
                tmp.resolve("other.key.pem"),
                org.yunjian.crypto.Pem.writePrivateKey(Keys.generate().getPrivate()));
        String[] wrongKey = countersignOffline(id, otherKey);
        send(post("/api/exit-projects/{id}/countersignature", id), provider, "{\"signature\":\"" + wrongKey[0] + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.signature")
                        .value(org.hamcrest.Matchers.startsWith(
                                "会签无效：该签名不是登记的会签公钥（sm3:" + fingerprint.substring(0, 16))));
        byte[] otherRecord = org.yunjian.exit.DeletionRecord.write(Map.of("deletion", "另一份记录"));
        String overOther = org.yunjian.exit.DeletionRecord.countersign(otherRecord, handOver.pair.getPrivate());
        mvc.perform(post("/api/exit-projects/{id}/countersignature", id)
                        .with(as(provider))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signature\":\"" + overOther + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.signature")
                                .value(
                                        org.hamcrest.Matchers.startsWith(
                                                "Countersignature invalid: it is not an SM2 signature of the current deletion record")));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = 'exit-project.countersign' "
                                        + "AND outcome = 'FAILURE'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the right key over the record as downloaded; the record changes after download: refused saying so
        String[] good = countersignOffline(id, handOver.privateKey);
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-0043","mediumType":"HDD","heldSensitive":false,"method":"CLEAR","nextUse":"NONE",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isCreated());
        send(
                        post("/api/exit-projects/{id}/countersignature", id),
                        provider,
                        "{\"signature\":\"" + good[0] + "\",\"recordSm3\":\"" + good[1] + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-record-changed"));
        String signature = countersign(id);
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.countersigning").value("VALID"))
                .andExpect(jsonPath("$.countersignature.data.keyFingerprint").value(fingerprint))
                .andExpect(jsonPath("$.certificateBlockers").isEmpty());
        assertThat(myWork(provider)).doesNotContain("门户网站退出");
        assertThat(myWork(customer)).contains("云服务商已会签删除记录，可签发数据删除证明：门户网站退出");

        // a record added after countersigning voids it
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-0044","mediumType":"HDD","heldSensitive":false,"method":"CLEAR","nextUse":"NONE",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/certificate", id), customer, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("删除记录在会签后有变化")));
        countersign(id);

        // replacing the key is explicit, audited, and voids the countersignature made with the old one
        KeyPairFiles next = new KeyPairFiles(tmp.resolve("next"));
        clock.advance(Duration.ofSeconds(1));
        send(put("/api/exit-projects/{id}/countersign-key", id), provider, "{\"pem\":" + quote(next.publicPem) + "}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-countersign-key-registered"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(fingerprint)));
        send(
                        put("/api/exit-projects/{id}/countersign-key", id),
                        provider,
                        "{\"pem\":" + quote(next.publicPem) + ",\"replace\":true}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.countersigning").value("KEY_REPLACED"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = 'exit-project.countersign-key'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        String[] withNext = countersignOffline(id, next.privateKey);
        clock.advance(Duration.ofSeconds(1));
        send(post("/api/exit-projects/{id}/countersignature", id), provider, "{\"signature\":\"" + withNext[0] + "\"}")
                .andExpect(status().isCreated());

        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        String json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.certificate.countersignature.keyFingerprint"))
                .isEqualTo(Keys.fingerprint(Keys.readPublicKey(next.publicPem)))
                .isNotEqualTo(fingerprint);
        assertThat((String) JsonPath.read(json, "$.certificate.countersignature.organization.name"))
                .isEqualTo(w.provider().name());
        assertThat(signature).isNotEqualTo(withNext[0]);
        // frozen after issue
        send(put("/api/exit-projects/{id}/countersign-key", id), provider, "{\"pem\":" + pem + ",\"replace\":true}")
                .andExpect(status().isConflict());
    }

    /**
     * {@code yunjian exit verify-certificate} checks both signatures: it accepts the issued certificate naming the
     * provider's countersignature, and says which signature fails when the platform's signature or the
     * countersignature is tampered with.
     */
    @Test
    void verifyCertificateChecksBothSignaturesAndSaysWhichOneFails() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        countersign(id);
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        byte[] json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path key = Files.writeString(
                tmp.resolve("signing.pub.pem"),
                mvc.perform(get("/api/exit-projects/signing-key"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        Path certificate = Files.write(tmp.resolve("certificate.json"), json);
        String[] ok = HandOver.cli(
                "exit", "verify-certificate", certificate.toString(), "--pubkey", key.toString(), "--lang", "en");
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        assertThat(ok[1])
                .contains(
                        "platform signature valid, provider countersignature valid: "
                                + w.provider().name(),
                        Keys.fingerprint(handOver.pair.getPublic()));

        String text = new String(json, StandardCharsets.UTF_8);
        // the platform's signature value changed: the platform signature fails, the countersignature still holds
        String platformValue = JsonPath.read(text, "$.signature.value");
        String[] platform = verify(text.replace(platformValue, flip(platformValue)));
        assertThat(platform[0]).isEqualTo("1");
        assertThat(platform[2])
                .contains("bad signature: the SM2 signature does not match")
                .doesNotContain("countersignature");
        // the countersignature value changed: both fail (the platform signed the countersignature too), both named
        String counterValue = JsonPath.read(text, "$.certificate.countersignature.value");
        String[] both = verify(text.replace(counterValue, flip(counterValue)));
        assertThat(both[0]).isEqualTo("1");
        assertThat(both[2])
                .contains(
                        "bad signature: the platform's SM2 signature",
                        "the provider's countersignature is invalid too: the provider's SM2 countersignature does not match");
        // in Chinese by default
        Files.writeString(certificate, text.replace(counterValue, flip(counterValue)));
        String[] zh = HandOver.cli(
                "exit", "verify-certificate", certificate.toString(), "--pubkey", key.toString(), "--lang", "zh-CN");
        assertThat(zh[2]).contains("服务商会签也无效：服务商的 SM2 会签与删除记录不符");
    }

    String[] verify(String certificate) throws Exception {
        Path file = Files.writeString(tmp.resolve("tampered-" + UUID.randomUUID() + ".json"), certificate);
        Path key = tmp.resolve("signing.pub.pem");
        return HandOver.cli("exit", "verify-certificate", file.toString(), "--pubkey", key.toString(), "--lang", "en");
    }

    /** A base64 signature with its first character changed (still base64). */
    static String flip(String base64) {
        return (base64.charAt(0) == 'M' ? "N" : "M") + base64.substring(1);
    }

    /**
     * Finding 8: the certificate was issued with no object-storage check although the scope named 对象存储. A scope
     * that names object storage must list its buckets, and each needs an empty check made after the deletion;
     * issuing is refused listing the unchecked ones.
     */
    @Test
    void aDeletionWhoseScopeNamesObjectStorageNeedsAnEmptyCheckOfEachNamedBucket() throws Exception {
        String id = toDeletion();
        for (String item : ExitProjectService.CHECKLIST_KEYS) {
            send(put("/api/exit-projects/{id}/checklist", id).with(currentItem(id, item)), customer, """
                    {"item":"%s","status":"DONE","note":"已落实"}""".formatted(
                                    item))
                    .andExpect(status().isOk());
        }
        send(post("/api/exit-projects/{id}/deletion-authorisations", id), customer, """
                {"signatory":"办公厅主任 李某","scope":"门户网站数据库、对象存储及备份","authorisedOn":"%s","retainUntil":"%s"}""".formatted(today(), today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/deletion-plans", id), provider, """
                {"scope":"全部数据","method":"删除","backups":"一并删除","plannedOn":"%s"}""".formatted(today()))
                .andExpect(status().isCreated());
        String deletion = """
                {"deletedOn":"%s","scope":"数据库、对象存储及备份","method":"删除全部对象与版本","backups":"已删除",
                 "operator":"王五","witness":"张工","result":"完成"%s}""";
        send(post("/api/exit-projects/{id}/deletion-records", id), provider, deletion.formatted(today(), ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buckets").value(org.hamcrest.Matchers.startsWith("删除范围涉及对象存储")));
        send(
                        post("/api/exit-projects/{id}/deletion-records", id),
                        provider,
                        deletion.formatted(today(), ",\"buckets\":[\"Not A Bucket!\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.buckets").value("不是存储桶名称或 s3://桶/前缀：Not A Bucket!"));
        String a;
        String b;
        try (S3Client s3 = s3()) {
            a = bucketWithLeftovers(s3);
            b = bucketWithLeftovers(s3);
        }
        send(
                        post("/api/exit-projects/{id}/deletion-records", id),
                        provider,
                        deletion.formatted(today(), ",\"buckets\":[\"" + a + "\",\"s3://" + b + "/citizens\"]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.buckets[0]").value("s3://" + a + "/"))
                .andExpect(jsonPath("$.data.buckets[1]").value("s3://" + b + "/citizens/"));
        countersign(id);
        send(post("/api/exit-projects/{id}/certificate", id), customer, "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("尚不能签发数据删除证明：以下存储桶尚无删除后的清空核查" + "（yunjian exit check-deleted）：s3://" + a + "/, s3://" + b
                                + "/citizens/"));
        Path gone;
        try (S3Client s3 = s3()) {
            for (String bucket : List.of(a, b)) {
                var listing = s3.listObjectVersions(x -> x.bucket(bucket));
                listing.versions()
                        .forEach(v -> s3.deleteObject(
                                x -> x.bucket(bucket).key(v.key()).versionId(v.versionId())));
                listing.deleteMarkers()
                        .forEach(d -> s3.deleteObject(
                                x -> x.bucket(bucket).key(d.key()).versionId(d.versionId())));
            }
            uploadCheck(id, checkDeleted("a.json", "s3://" + a), provider).andExpect(status().isCreated());
            gone = checkDeleted("b.json", "s3://" + b); // the whole bucket covers the named prefix
        }
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.uncheckedBuckets[0]").value("s3://" + b + "/citizens/"))
                .andExpect(jsonPath("$.uncheckedBuckets.length()").value(1));
        uploadCheck(id, gone, provider).andExpect(status().isCreated());
        countersign(id); // the checks changed the record
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.certificateBlockers").isEmpty());
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        String json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(json, "$.certificate.deletion.buckets"))
                .containsExactly("s3://" + a + "/", "s3://" + b + "/citizens/");
        assertThat((List<String>) JsonPath.read(json, "$.certificate.countersignature.record.record.buckets"))
                .containsExactly("s3://" + a + "/", "s3://" + b + "/citizens/");
    }

    /** The project page offers the key and the countersignature to the provider only; the PDF shows both signatures. */
    @Test
    void theCountersignatureIsOfferedToTheProviderOnlyAndTheCertificatePdfShowsBothSignatures() throws Exception {
        String id = toDeletion();
        recordTheDeletion(id);
        String providerPage = page(id, provider);
        assertThat(providerPage)
                .contains("id=\"countersign-key-form\"", "data-state=\"NO_KEY\"", "id=\"download-deletion-record\"")
                .doesNotContain("id=\"countersign-form\"");
        assertThat(page(id, customer))
                .contains("id=\"countersign\"", "待")
                .doesNotContain("countersign-key-form")
                .doesNotContain("id=\"countersign-form\"");
        send(
                        put("/api/exit-projects/{id}/countersign-key", id),
                        provider,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isOk());
        assertThat(page(id, provider))
                .contains("id=\"countersign-form\"", "id=\"confirm-replace-key\"", "yunjian exit countersign");
        // the page form: a bad signature comes back as the form's error, not a 500
        String location = mvc.perform(
                        multipart("/exit-projects/{id}/countersignature", id)
                                .param("signature", "AAAA")
                                .with(as(provider))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).contains("/exit-projects/" + id);
        mvc.perform(
                        multipart("/exit-projects/{id}/countersign-key", id)
                                .param("pem", handOver.publicKeyPem())
                                .with(as(customer))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        countersign(id);
        assertThat(page(id, customer)).contains("data-state=\"VALID\"");
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        byte[] zh = mvc.perform(
                        get("/api/exit-projects/{id}/certificate.pdf", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        if (System.getProperty("certificate.pdf.out") != null) {
            Files.write(Path.of(System.getProperty("certificate.pdf.out")), zh);
        }
        PdfInspection pdf = new PdfInspection(zh);
        String flat = pdf.text(1, pdf.pages()).replaceAll("\\s+", "");
        assertThat(flat)
                .contains(
                        "云服务商会签",
                        "会签单位" + w.provider().name().replaceAll("\\s+", ""),
                        "服务商公钥SM3指纹" + Keys.fingerprint(handOver.pair.getPublic()),
                        "平台电子签名");
        byte[] en = mvc.perform(get("/api/exit-projects/{id}/certificate.pdf", id)
                        .header("Accept-Language", "en")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        PdfInspection english = new PdfInspection(en);
        assertThat(english.text(1, english.pages()))
                .contains("Provider countersignature", "Platform electronic signature");
    }

    String page(String id, CurrentUser u) throws Exception {
        return mvc.perform(get("/exit-projects/{id}", id).with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The texts of 我的待办 ({@code GET /api/my-work}) of {@code u} that name this test's project. */
    List<String> waiting(CurrentUser u) throws Exception {
        List<String> texts = JsonPath.read(
                mvc.perform(get("/api/my-work").with(as(u)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.items[*].text");
        return texts.stream().filter(t -> t.endsWith("门户网站退出")).toList();
    }

    /**
     * Issue 35: every step of an exit project waits on 我的待办 of the side that must act — the provider's key,
     * manifest, deletion plan and record and countersignature, the customer's inventory approval, verification,
     * authorisation and certificate — and leaves it once done; the agent and a stranger never see them.
     */
    @Test
    void eachStepWaitsOnTheMyWorkOfTheSideThatMustActAndLeavesItOnceDone() throws Exception {
        String id = create();
        assertThat(waiting(provider)).containsExactly("登记数据清单签名公钥：门户网站退出");
        assertThat(waiting(customer)).isEmpty();
        move(id, "HANDOVER", customer).andExpect(status().isOk());
        send(
                        put("/api/exit-projects/{id}/provider-key", id).with(current(id)),
                        provider,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isOk());
        assertThat(waiting(provider)).containsExactly("移交已签名的数据清单：门户网站退出");
        uploadManifest(id, provider).andExpect(status().isCreated());
        assertThat(waiting(provider)).isEmpty();
        assertThat(waiting(customer)).containsExactly("评审并批准移交清单：门户网站退出");
        send(post("/api/exit-projects/{id}/inventory-approval", id).with(current(id)), customer, "")
                .andExpect(status().isOk());
        assertThat(waiting(customer)).containsExactly("移交清单已批准，转入核验：门户网站退出");
        move(id, "VERIFICATION", customer).andExpect(status().isOk());
        assertThat(waiting(customer)).containsExactly("记录数据核验结果：门户网站退出");
        registerVerifier(id);
        uploadReport(id, handOver.report("verify.json"), customer).andExpect(status().isCreated());
        assertThat(waiting(customer)).containsExactly("书面授权删除数据：门户网站退出");
        assertThat(waiting(provider)).containsExactly("制定数据删除计划：门户网站退出");
        for (String item : ExitProjectService.CHECKLIST_KEYS) {
            send(put("/api/exit-projects/{id}/checklist", id).with(currentItem(id, item)), customer, """
                    {"item":"%s","status":"DONE","note":"已落实"}""".formatted(
                                    item))
                    .andExpect(status().isOk());
        }
        send(post("/api/exit-projects/{id}/deletion-authorisations", id), customer, """
                {"signatory":"办公厅主任 李某","scope":"门户网站全部数据及备份","authorisedOn":"%s","retainUntil":"%s"}""".formatted(today(), today()))
                .andExpect(status().isCreated());
        assertThat(waiting(customer)).containsExactly("核验通过并已授权删除，转入删除阶段：门户网站退出");
        move(id, "DELETION", customer).andExpect(status().isOk());
        assertThat(waiting(customer)).isEmpty();
        send(post("/api/exit-projects/{id}/deletion-plans", id), provider, """
                {"scope":"全部数据及备份","method":"逻辑删除后覆写","backups":"异地备份一并删除","plannedOn":"%s"}""".formatted(today()))
                .andExpect(status().isCreated());
        assertThat(waiting(provider)).containsExactly("保留期（至 " + today() + "）满后删除数据并记录：门户网站退出");
        mvc.perform(get("/api/my-work").header("Accept-Language", "en").with(as(provider)))
                .andExpect(jsonPath("$.items[?(@.text =~ /.*门户网站退出/)].text")
                        .value(org.hamcrest.Matchers.contains("Delete the data once the retention period ends ("
                                + today() + ") and record it: 门户网站退出")))
                .andExpect(jsonPath("$.items[?(@.text =~ /.*门户网站退出/)].href")
                        .value(org.hamcrest.Matchers.contains("/exit-projects/" + id + "#deletion-record")));
        send(post("/api/exit-projects/{id}/deletion-records", id), provider, """
                {"deletedOn":"%s","scope":"全部数据及备份","method":"覆写三次","backups":"两份备份已删除",
                 "operator":"运维 王五","witness":"客户 张工","result":"抽查无残留"}""".formatted(today()))
                .andExpect(status().isCreated());
        assertThat(waiting(provider)).containsExactly("登记会签公钥并会签删除记录：门户网站退出");
        countersign(id);
        assertThat(waiting(provider)).isEmpty();
        assertThat(waiting(customer)).containsExactly("云服务商已会签删除记录，可签发数据删除证明：门户网站退出");
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        assertThat(waiting(customer)).isEmpty();
        assertThat(waiting(provider)).isEmpty();
        assertThat(waiting(agent)).isEmpty();
        assertThat(waiting(stranger)).isEmpty();
    }

    String myWork(CurrentUser u) throws Exception {
        return mvc.perform(get("/my-work").with(as(u)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A fresh SM2 key pair written as unencrypted PEM files. */
    static final class KeyPairFiles {
        final Path privateKey;
        final String publicPem;

        KeyPairFiles(Path dir) throws java.io.IOException {
            java.security.KeyPair pair = Keys.generate();
            Files.createDirectories(dir);
            privateKey = Files.writeString(
                    dir.resolve("provider.key.pem"), org.yunjian.crypto.Pem.writePrivateKey(pair.getPrivate()));
            publicPem = org.yunjian.crypto.Pem.writePublicKey(pair.getPublic());
        }
    }

    @Test
    void storageCheckReportsAreRefusedUnlessConsistentCheckDeletedOutputInTheDeletionPhase() throws Exception {
        Path report;
        try (S3Client s3 = s3()) {
            report = checkDeleted("check.json", "s3://" + bucketWithLeftovers(s3));
        }
        String real = Files.readString(report);
        String planning = create();
        uploadCheck(planning, report, provider)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-wrong-phase"));

        String id = toDeletion();
        uploadCheck(id, report, assessor).andExpect(status().isForbidden());
        uploadCheck(id, report, stranger).andExpect(status().isNotFound());
        // each refusal names what is wrong with the file, in the reader's language
        String notAReport = "不是 yunjian exit check-deleted --json 生成的删除检查报告：";
        uploadCheck(id, "check.json", "RESULT: NOT EMPTY".getBytes(StandardCharsets.UTF_8), provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(notAReport + "JSON 格式错误（第 1 个字符）：意外的字符“R”"));
        uploadCheckInEnglish(id, "check.json", "RESULT: NOT EMPTY".getBytes(StandardCharsets.UTF_8), provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value("Not a deletion check report written by yunjian exit check-deleted --json: "
                                + "malformed JSON at character 1: unexpected character 'R'"));
        uploadCheck(id, handOver.report("verify.json"), provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(notAReport + "target：必填，须为字符串"));
        byte[] claimsEmpty = real.replace("\"empty\":false", "\"empty\":true").getBytes(StandardCharsets.UTF_8);
        uploadCheck(id, "check.json", claimsEmpty, customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(notAReport + "报告称 empty:true，但其 totals 计有 2 个残留项"));
        uploadCheckInEnglish(id, "check.json", claimsEmpty, customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.endsWith(
                                "--json: it claims empty:true but its totals count 2 remaining items")));
        String hidden = real.replace("\"empty\":false", "\"empty\":true")
                .replace("\"nonCurrent\":1", "\"nonCurrent\":0")
                .replace("\"deleteMarkers\":1", "\"deleteMarkers\":0");
        uploadCheck(id, "check.json", hidden.getBytes(StandardCharsets.UTF_8), customer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(notAReport + "remaining 列出 1 个 NON_CURRENT 项，但 totals.nonCurrent 为 0"));
        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        uploadCheck(id, "check.json", huge, agent)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.startsWith("文件超过 8.0 MB")));
        mvc.perform(multipart("/api/exit-projects/{id}/storage-checks", id).with(as(agent)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value("必填"));

        uploadCheck(id, report, customer).andExpect(status().isCreated());
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.storageChecks.length()").value(1));
        String audit = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ?")
                .param(id)
                .param("exit-project.storage-check.record")
                .query(String.class)
                .single();
        assertThat(audit).isEqualTo("1");
    }

    @Test
    void uploadedEvidenceFilesDownloadByteForByteForWhoeverSeesTheProjectAndTheExportIsAudited() throws Exception {
        String id = toDeletion();
        String body = mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String manifestId = JsonPath.read(body, "$.manifests[0].id");
        String runId = JsonPath.read(body, "$.verificationRuns[0].id");
        String itemId = JsonPath.read(body, "$.items[0].id");

        var manifest = mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", id, manifestId)
                        .with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("manifest-" + manifestId + ".jsonl")))
                .andReturn()
                .getResponse();
        assertThat(manifest.getContentType()).startsWith("application/x-ndjson");
        assertThat(manifest.getContentAsByteArray()).isEqualTo(Files.readAllBytes(handOver.manifest));
        assertThat(mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", id, runId)
                                .with(as(provider)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(
                        Files.readAllBytes(handOver.dir.resolve("verify.json"))); // as uploaded: a new run signs anew

        mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", id, manifestId)
                        .with(as(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", id, itemId).with(as(customer)))
                .andExpect(status().isNotFound()); // an inventory item has no file
        mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", id, java.util.UUID.randomUUID())
                        .with(as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exit-projects/{id}/records/{r}/file", create(), manifestId)
                        .with(as(customer)))
                .andExpect(status().isNotFound()); // a record of another project
        String page = mvc.perform(get("/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "/api/exit-projects/" + id + "/records/" + manifestId + "/file",
                        "/api/exit-projects/" + id + "/records/" + runId + "/file",
                        "尚无客户书面删除授权",
                        "尚未登记删除记录"); // what is missing, in the page's language
        String audit = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action = ?")
                .param(id)
                .param("exit-project.evidence.export")
                .query(String.class)
                .single();
        assertThat(audit).isEqualTo("2");
    }

    @Test
    void mediumThatHeldSensitiveDataIsNeverReleasedForPublicData() throws Exception {
        String id = toDeletion();
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-7","mediumType":"HDD","heldSensitive":true,"method":"CLEAR","nextUse":"PUBLIC_DATA",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.nextUse").value(org.hamcrest.Matchers.startsWith("GB/T 31167 9.4 3. 6.：")));
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-8","mediumType":"HDD","heldSensitive":false,"method":"DESTROY","nextUse":"PUBLIC_DATA",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deletionIsRefusedBeforeTheRetentionPeriodEndsByTheClock() throws Exception {
        String id = toDeletion();
        String until = LocalDate.parse(today()).plusDays(30).toString();
        send(post("/api/exit-projects/{id}/deletion-authorisations", id), customer, """
                {"signatory":"主任","scope":"全部","authorisedOn":"%s","retainUntil":"%s"}""".formatted(today(), until))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/deletion-plans", id), provider, """
                {"scope":"全部","method":"覆写","backups":"一并删除","plannedOn":"%s"}""".formatted(until))
                .andExpect(status().isCreated());
        String deletion = """
                {"deletedOn":"%s","scope":"全部","method":"覆写","backups":"已删","operator":"王五","witness":"张工",
                 "result":"完成"}""";
        send(post("/api/exit-projects/{id}/deletion-records", id), provider, deletion.formatted(today()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-retention-period"));
        clock.advance(Duration.ofDays(31));
        send(post("/api/exit-projects/{id}/deletion-records", id), provider, deletion.formatted(until))
                .andExpect(status().isCreated());
    }

    @Test
    void dutiesAndPhasesAreEnforced() throws Exception {
        String id = create();
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(assessor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checklist.length()").value(7))
                .andExpect(jsonPath("$.checklist[0].requirementId").value("GBT31167-9.1-a"));
        send(post("/api/exit-projects"), provider, """
                {"name":"越权","systemId":"%s"}""".formatted(w.system().id()))
                .andExpect(status().isForbidden());
        move(id, "VERIFICATION", customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-illegal-transition"));
        move(id, "HANDOVER", provider).andExpect(status().isForbidden());
        move(id, "HANDOVER", customer).andExpect(status().isOk());
        move(id, "VERIFICATION", customer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:yunjian:problem:exit-precondition"));
        send(
                        put("/api/exit-projects/{id}/checklist", id).with(currentItem(id, "a")),
                        provider,
                        "{\"item\":\"a\",\"status\":\"DONE\"}")
                .andExpect(status().isForbidden());
        uploadManifest(id, provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file").value(org.hamcrest.Matchers.containsString("请先登记云服务商的 SM2 公钥")));
        send(
                        put("/api/exit-projects/{id}/provider-key", id).with(current(id)),
                        customer,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isForbidden());
        // a key other than the signer's: the manifest is refused, naming the wrong key
        send(
                        put("/api/exit-projects/{id}/provider-key", id).with(current(id)),
                        provider,
                        "{\"pem\":"
                                + quote(org.yunjian.crypto.Pem.writePublicKey(
                                        Keys.generate().getPublic())) + "}")
                .andExpect(status().isOk());
        uploadManifest(id, provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.startsWith("签名清单不能接受：公钥不符：签名清单 portal-handover.jsonl 由密钥 ")));
        uploadManifestInEnglish(id, provider)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.file")
                        .value(org.hamcrest.Matchers.startsWith(
                                "Manifest refused: wrong key: manifest portal-handover.jsonl was signed by key ")));
        send(
                        put("/api/exit-projects/{id}/provider-key", id).with(current(id)),
                        provider,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isOk())
                // issue 57: what stands for the provider names who of the provider did it
                .andExpect(jsonPath("$.providerKeyRegisteredBy").value(provider.username()));
        uploadManifest(id, provider).andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/inventory-approval", id).with(current(id)), provider, "")
                .andExpect(status().isForbidden());
        send(post("/api/exit-projects/{id}/inventory-approval", id).with(current(id)), customer, "")
                .andExpect(status().isOk());
        // a change after approval reopens the review
        send(post("/api/exit-projects/{id}/items", id), agent, """
                {"category":"document","name":"运维手册","sensitivity":"公开"}""").andExpect(status().isCreated());
        mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(jsonPath("$.project.inventoryApproved").value(false));
        send(post("/api/exit-projects/{id}/device-disposals", id), provider, "{}")
                .andExpect(status().isConflict());
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isConflict());
        mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andExpect(status().isNotFound());
        String audit = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action LIKE 'exit-project.%'")
                .param(id)
                .query(String.class)
                .single();
        assertThat(Integer.parseInt(audit)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void deviceDisposalIsRecordedForAPrivateCloudOnly() throws Exception {
        String body = mvc.perform(post("/api/systems")
                        .with(as(admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"name":"私有云系统 %s","customerId":"%s","protectionLevel":"3","deploymentModel":"PRIVATE",
                 "serviceModel":"IAAS","industry":"OTHER","dataClassification":"GENERAL","regions":["北京"],
                 "providerId":"%s","agents":[]}""".formatted(
                                        java.util.UUID.randomUUID().toString().substring(0, 6),
                                        w.customer().id(),
                                        w.provider().id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String system = JsonPath.read(body, "$.id");
        String project = JsonPath.read(
                send(post("/api/exit-projects"), customer, """
                {"name":"私有云退出","systemId":"%s"}""".formatted(system))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(get("/api/exit-projects/{id}", project).with(as(customer)))
                .andExpect(jsonPath("$.deviceDisposalApplies").value(true));
        move(project, "HANDOVER", customer).andExpect(status().isOk());
        send(
                        put("/api/exit-projects/{id}/provider-key", project).with(current(project)),
                        provider,
                        "{\"pem\":" + quote(handOver.publicKeyPem()) + "}")
                .andExpect(status().isOk());
        uploadManifest(project, provider).andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/inventory-approval", project).with(current(project)), customer, "")
                .andExpect(status().isOk());
        move(project, "VERIFICATION", customer).andExpect(status().isOk());
        registerVerifier(project);
        uploadReport(project, handOver.report("v.json"), customer).andExpect(status().isCreated());
        move(project, "DELETION", customer).andExpect(status().isOk());
        send(post("/api/exit-projects/{id}/device-disposals", project), provider, """
                {"deviceId":"SRV-01","deviceType":"服务器","location":"机房 A","state":"在用","action":"DISCARD",
                 "sanitisation":"硬盘消磁后粉碎","participants":"王五、张工","residualCheck":"无残余信息","date":"%s"}""".formatted(today()))
                .andExpect(status().isCreated());
        send(post("/api/exit-projects/{id}/device-disposals", project), customer, "{}")
                .andExpect(status().isForbidden());
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    String cited(String requirement, java.util.Locale l) {
        return org.yunjian.catalog.ClauseLabel.cited(
                        catalog.requirement(org.yunjian.catalog.RequirementId.of(requirement))
                                .orElseThrow())
                .text(l);
    }

    String label(String requirement, java.util.Locale l) {
        return org.yunjian.catalog.ClauseLabel.of(catalog.requirement(org.yunjian.catalog.RequirementId.of(requirement))
                        .orElseThrow())
                .text(l);
    }

    /**
     * Issue 36 fin-small: every clause an exit project names is {@link org.yunjian.catalog.ClauseLabel}'s label of its
     * catalog item — a printed marker as printed, GB/T 31167's "1." not "a" — on the page (checklist cells and
     * headings), in REST (the checklist items, the refusal of a medium that held sensitive data for public data), in
     * the signed certificate and its PDF. Before, the page printed "9.1 a", the certificate "GB/T 31167-2014 9.1 a"
     * and the refusal "GB/T 31167-2014 9.4 c) 3)" for the item the standard prints as 9.4 3. 6.: "存放敏感信息的介质清理
     * 后不能用于存放公开信息。".
     */
    @Test
    void everyClauseAnExitProjectNamesIsClauseLabelsLabelOfItsCatalogItem() throws Exception {
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        String id = toDeletion();
        send(post("/api/exit-projects/{id}/sanitisations", id), provider, """
                {"mediumId":"DISK-7","mediumType":"HDD","heldSensitive":true,"method":"CLEAR","nextUse":"PUBLIC_DATA",
                 "operator":"王五","witness":"张工","date":"%s","result":"完成"}""".formatted(today()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors.nextUse").value(cited("GBT31167-9.4-c-3", zh) + "：存放敏感信息的介质清理后不能用于存放公开信息"));
        assertThat(cited("GBT31167-9.4-c-3", zh)).isEqualTo("GB/T 31167 9.4 3. 6.");

        String page = mvc.perform(get("/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String detail = mvc.perform(get("/api/exit-projects/{id}", id).with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        for (String key : ExitProjectService.CHECKLIST_KEYS) {
            String requirement = "GBT31167-9.1-" + key;
            assertThat(page)
                    .as(key)
                    .containsPattern("id=\"clause-" + key + "\"><a href=\"/catalog/requirements/" + requirement + "\">"
                            + java.util.regex.Pattern.quote(label(requirement, zh)) + "</a>");
            assertThat((java.util.List<String>) JsonPath.read(detail, "$.checklist[?(@.key == '" + key + "')].clause"))
                    .containsExactly(cited(requirement, zh));
        }
        assertThat(page)
                .contains(
                        "退出检查清单（" + cited("GBT31167-9.1", zh) + "）",
                        "移交数据清单（" + cited("GBT31167-9.2", zh) + "，" + cited("JRT-SF-8.1.3", zh) + "）",
                        "完整性核验（" + cited("GBT31167-9.3", zh) + "）",
                        "数据删除（" + cited("GBT31167-9.4", zh) + "）",
                        "介质清理（" + cited("GBT31167-9.4-c", zh) + "）",
                        cited("GBT31167-9.1", zh) + " 退出检查清单仍有未完成项")
                .doesNotContain("31167-2014")
                .doesNotContain("9.1 a<");

        recordTheDeletion(id);
        countersign(id);
        send(post("/api/exit-projects/{id}/certificate", id), customer, "").andExpect(status().isCreated());
        String json = mvc.perform(get("/api/exit-projects/{id}/certificate", id).with(as(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        java.util.List<Map<String, Object>> items = JsonPath.read(json, "$.certificate.checklist");
        assertThat(items).hasSize(7).allSatisfy(i -> assertThat(i.get("item"))
                .isEqualTo(cited((String) i.get("requirement"), zh)));
        assertThat((java.util.List<String>) JsonPath.read(json, "$.certificate.standards"))
                .containsExactly(
                        cited("GBT31167-9.1", zh),
                        cited("GBT31167-9.2", zh),
                        cited("GBT31167-9.3", zh),
                        cited("GBT31167-9.4", zh),
                        cited("JRT-SF-8.1.3", zh));

        byte[] pdf = mvc.perform(get("/api/exit-projects/{id}/certificate.pdf", id)
                        .header("Accept-Language", "zh-CN")
                        .with(as(customer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        if (System.getProperty("certificate.pdf.out") != null) { // to look at it
            Files.write(Path.of(System.getProperty("certificate.pdf.out")), pdf);
        }
        PdfInspection inspection = new PdfInspection(pdf);
        String flat = inspection.text(1, inspection.pages()).replaceAll("\\s+", "");
        java.util.function.UnaryOperator<String> squeeze = t -> t.replaceAll("\\s+", "");
        assertThat(flat)
                .contains(
                        squeeze.apply(
                                "依据 " + cited("GBT31167-9", zh) + "（退出云计算服务）及 " + cited("JRT-SF-8.1.3", zh) + "（数据清单）"),
                        squeeze.apply("退出检查清单（" + cited("GBT31167-9.1", zh) + "）"),
                        squeeze.apply("完整性核验（" + cited("GBT31167-9.3", zh) + "）"),
                        squeeze.apply(
                                "删除授权、方案与记录（" + cited("GBT31167-9.4-a", zh) + "、" + label("GBT31167-9.4-b", zh) + "）"),
                        squeeze.apply("介质清理记录（" + cited("GBT31167-9.4-c", zh) + "）"))
                .doesNotContain("31167-2014");
        // each checklist row with its item's own label (9.1 1. … 9.1 7.), its status and note
        for (String key : ExitProjectService.CHECKLIST_KEYS) {
            assertThat(flat).contains(squeeze.apply(label("GBT31167-9.1-" + key, zh)) + "已完成已落实");
        }
    }
}
