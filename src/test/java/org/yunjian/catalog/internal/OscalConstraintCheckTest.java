package org.yunjian.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.OscalSchemas.Model;
import org.yunjian.catalog.OscalSchemas.Problem;
import org.yunjian.catalog.OscalSchemas.Report;

/**
 * Every OSCAL upload is checked against NIST's Metaschema constraints after the schema step (issue 60): a document
 * the schema accepts but a constraint refuses is refused naming the path and the rule; NIST's published catalogs and
 * examples pass; a link to another document is never followed, not even to a listener on this machine; hostile
 * documents end quickly.
 */
class OscalConstraintCheckTest {

    static final Path SHARED = Path.of("../shared/oscal");

    /** A catalog the schema and every constraint accept; {@code %s} takes the group's extra JSON. */
    static final String CATALOG = """
            {"catalog":{"uuid":"5b3c1e52-4f3e-4c47-9f0c-1a2b3c4d5e6f",
             "metadata":{"title":"Test","last-modified":"2026-01-01T00:00:00Z","version":"1","oscal-version":"1.1.3"},
             "groups":[{"id":"g1","title":"Group one"%s,
               "controls":[{"id":"c-1","title":"One","parts":[{"id":"c-1_smt","name":"statement","prose":"Do one."}]},
                           {"id":"%s","title":"Two","parts":[{"id":"c-2_smt","name":"statement","prose":"Do two."}]}]}]}}""";

    static byte[] catalog(String groupExtra, String secondId) {
        return CATALOG.formatted(groupExtra, secondId).getBytes(StandardCharsets.UTF_8);
    }

    static String en(Problem p) {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            return p.path() + " " + p.message().text();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aCatalogThatKeepsEveryConstraintPasses() {
        Report r = OscalSchemas.check(Model.CATALOG, OscalFormat.JSON, catalog("", "c-2"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.notChecked()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a group's part named "statement": allowed only in a control
                "group statement | ,\"parts\":[{\"id\":\"g1_smt\",\"name\":\"statement\",\"prose\":\"x\"}] | c-2 | /catalog/group[1]/part[1]",
                // two controls with the same id
                "duplicate id | | c-1 | /catalog/group[1]/control[2]",
                // a reference to a back-matter resource that is not there
                "unresolvable internal link | ,\"links\":[{\"href\":\"#no-such-resource\",\"rel\":\"reference\"}] | c-2 | /catalog/group[1]/link[1]"
            })
    void aCatalogTheSchemaAcceptsButAConstraintRefusesIsRefusedNamingPathAndRule(
            String name, String extra, String secondId, String path) {
        byte[] doc = catalog(extra == null ? "" : extra, secondId);
        assertThat(OscalSchemas.validateSchema(Model.CATALOG, OscalFormat.JSON, doc))
                .as("the schema accepts it")
                .isEmpty();
        List<Problem> refused = OscalSchemas.validate(Model.CATALOG, OscalFormat.JSON, doc);
        assertThat(refused).as(name).isNotEmpty();
        assertThat(refused).anySatisfy(p -> {
            assertThat(p.path()).startsWith(path);
            assertThat(p.line()).isPositive();
            assertThat(en(p)).contains("breaks the OSCAL constraint ");
        });
    }

    @Test
    void theRefusalNamesTheRuleInTheReadersLanguage() {
        byte[] doc = catalog(",\"parts\":[{\"id\":\"g1_smt\",\"name\":\"statement\",\"prose\":\"x\"}]", "c-2");
        Problem p = OscalSchemas.validate(Model.CATALOG, OscalFormat.JSON, doc).get(0);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(p.message().text()).startsWith("不满足 OSCAL 约束 ");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(en(p)).contains("breaks the OSCAL constraint ").contains("statement");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json, 319",
        "NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.xml, 355",
        "NIST_SP-800-53_rev4_catalog-min.json, 0"
    })
    void nistsPublishedCatalogsPassWithTheirRelatedLinksOutsideTheBaselineShownAsWarnings(String file, int related)
            throws IOException {
        byte[] doc = Files.readAllBytes(SHARED.resolve(file));
        OscalFormat format = OscalFormat.sniff(doc);
        long start = System.nanoTime();
        Report r = OscalSchemas.check(Model.CATALOG, format, doc);
        System.out.printf("%s: constraints in %d ms%n", file, (System.nanoTime() - start) / 1_000_000);
        assertThat(r.errors()).as(file).isEmpty();
        assertThat(r.warnings().stream().filter(p -> en(p).contains("related-control link")))
                .hasSize(related);
        assertThat(r.notChecked()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ssp-example.json, SSP",
        "ifa_ssp-example.xml, SSP",
        "oscal_leveraged-example_ssp.json, SSP",
        "oscal_leveraging-example_ssp.json, SSP",
        "ifa_assessment-results-example.json, ASSESSMENT_RESULTS"
    })
    void nistsExamplesPassAndWhatTheyImportIsNamedAsNotChecked(String file, Model model) throws IOException {
        byte[] doc = Files.readAllBytes(SHARED.resolve("examples").resolve(file));
        Report r = OscalSchemas.check(model, OscalFormat.sniff(doc), doc);
        assertThat(r.errors()).as(file).isEmpty();
        assertThat(r.notChecked()).as(file).isNotEmpty().allSatisfy(p -> assertThat(en(p))
                .contains("not checked: the referenced document")
                .contains("is not available"));
    }

    @Test
    void aPoamIsCheckedToo() throws IOException {
        byte[] doc = Files.readAllBytes(SHARED.resolve("examples/ifa_plan-of-action-and-milestones.json"));
        Report r = OscalConstraintCheck.check(OscalFormat.JSON, doc);
        assertThat(r.errors()).isEmpty();
        assertThat(r.notChecked()).extracting(Problem::path).containsExactly("../5-authorize/ssp.oscal.xml");
    }

    @Test
    void aRemoteImportProfileIsNeverFetched() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            String remote = "http://127.0.0.1:" + listener.getLocalPort() + "/profile.json";
            String ssp = Files.readString(SHARED.resolve("examples/ssp-example.json"))
                    .replace(
                            "../../../nist.gov/SP800-53/rev4/xml/NIST_SP-800-53_rev4_MODERATE-baseline_profile.xml",
                            remote);
            assertThat(ssp).contains(remote);
            Report r = OscalSchemas.check(Model.SSP, OscalFormat.JSON, ssp.getBytes(StandardCharsets.UTF_8));
            assertThat(r.errors()).isEmpty();
            assertThat(r.notChecked()).extracting(Problem::path).containsExactly(remote);
            try (Socket s = listener.accept()) {
                connections.incrementAndGet();
            } catch (SocketTimeoutException expected) {
                // nobody came: nothing was fetched
            }
        }
        assertThat(connections).hasValue(0);
    }

    @Test
    void hostileDocumentsEndQuickly() {
        long start = System.nanoTime();
        // nested far deeper than the limit: the schema step refuses it before anything else reads it
        String deep = "{\"catalog\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        assertThat(OscalSchemas.validate(Model.CATALOG, OscalFormat.JSON, deep.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        // an external entity (XXE) and an entity bomb: any DOCTYPE is refused, no entity expanded
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE catalog [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="5b3c1e52-4f3e-4c47-9f0c-1a2b3c4d5e6f">
                <metadata><title>&x;</title></metadata></catalog>""";
        List<Problem> refused =
                OscalSchemas.validate(Model.CATALOG, OscalFormat.XML, xxe.getBytes(StandardCharsets.UTF_8));
        assertThat(refused).isNotEmpty().noneSatisfy(p -> assertThat(en(p)).contains("root:"));
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">&lol3;</catalog>";
        assertThat(OscalSchemas.validate(Model.CATALOG, OscalFormat.XML, bomb.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        // a huge array of controls sharing one id: every duplicate named, in bounded time
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\":\"c-1\",\"title\":\"T\"}");
        }
        String huge = CATALOG.formatted("", "c-2").replace("\"controls\":[", "\"controls\":[" + many + ",");
        Report r = OscalSchemas.check(Model.CATALOG, OscalFormat.JSON, huge.getBytes(StandardCharsets.UTF_8));
        assertThat(r.refused()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aCheckThatTakesTooLongIsStoppedAndRefused() throws IOException {
        byte[] doc = Files.readAllBytes(
                SHARED.resolve("NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json"));
        Report r = OscalConstraintCheck.check(OscalFormat.JSON, doc, Duration.ofSeconds(1));
        assertThat(r.refused()).isTrue();
        assertThat(en(r.errors().get(0))).contains("took longer than 1 seconds");
    }
}
