package org.yunjian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One way to write SQL: every statement of main code is a Java text block in a class named {@code *Repository} (it
 * reads and writes its tables) or {@code *Queries} (a read model over several modules' tables), with values bound as
 * parameters; optional filters, IN lists and ORDER BY clauses are composed from text-block fragments, not glued
 * together with {@code +}.
 *
 * <p>A string literal is SQL when it holds an upper-case SQL keyword (the house writes SQL keywords in capitals and
 * prose in sentences). Two findings: SQL in a class that is neither a repository nor a read model, and SQL joined
 * with {@code +}. The files that still do either are listed in {@link #NOT_YET} with their counts, which may only
 * shrink: a new file with SQL outside a repository, or one more concatenation anywhere, fails; so does a listed
 * count that is higher than the file's (lower it once a file is done).
 */
class SqlInRepositoriesTests {

    private static final List<Path> MAIN_SOURCES = List.of(Path.of("src/main/java"), Path.of("spark/src/main/java"));

    /** File (below the source folder) → "outside a repository" and "joined by +" counts still to be removed. */
    static final Map<String, int[]> NOT_YET = Map.ofEntries(
            Map.entry("org/yunjian/assessment/internal/VisibleAssessments.java", new int[] {7, 5}),
            Map.entry("org/yunjian/assessment/spi/Access.java", new int[] {2, 2}),
            Map.entry("org/yunjian/assessment/spi/ItemSums.java", new int[] {20, 18}),
            Map.entry("org/yunjian/assessment/spi/ReportNumbers.java", new int[] {3, 0}),
            Map.entry("org/yunjian/assessment/spi/ScoreSql.java", new int[] {15, 12}),
            Map.entry("org/yunjian/assessment/spi/ScoringPolicies.java", new int[] {1, 0}),
            Map.entry("org/yunjian/audit/internal/AppRolePrivileges.java", new int[] {8, 8}),
            Map.entry("org/yunjian/audit/internal/AuditFirstSetUp.java", new int[] {2, 0}),
            Map.entry("org/yunjian/audit/internal/AuditRepository.java", new int[] {0, 15}),
            Map.entry("org/yunjian/backup/internal/DatabaseSnapshot.java", new int[] {1, 1}),
            Map.entry("org/yunjian/catalog/internal/CatalogExchangeService.java", new int[] {2, 0}),
            Map.entry("org/yunjian/catalog/internal/ImportStore.java", new int[] {20, 12}),
            Map.entry("org/yunjian/evidence/EvidenceRequestRepository.java", new int[] {0, 5}),
            Map.entry("org/yunjian/exitproject/internal/ExitProjectRepository.java", new int[] {0, 2}),
            Map.entry("org/yunjian/inbox/internal/TaskStore.java", new int[] {11, 1}),
            Map.entry("org/yunjian/lifecycle/VersionedRow.java", new int[] {9, 8}),
            Map.entry("org/yunjian/lifecycle/internal/PlanRepository.java", new int[] {0, 1}),
            Map.entry("org/yunjian/migration/internal/OpsFiles.java", new int[] {3, 0}),
            Map.entry("org/yunjian/notification/internal/Deliveries.java", new int[] {7, 0}),
            Map.entry("org/yunjian/notification/internal/DeliveryRecords.java", new int[] {2, 0}),
            Map.entry("org/yunjian/notification/internal/DemoNotificationSettings.java", new int[] {1, 0}),
            Map.entry("org/yunjian/notification/internal/MailDelivery.java", new int[] {3, 0}),
            Map.entry("org/yunjian/notification/internal/NotificationSettings.java", new int[] {3, 0}),
            Map.entry("org/yunjian/notification/internal/Notifications.java", new int[] {9, 4}),
            Map.entry("org/yunjian/notification/internal/Webhooks.java", new int[] {5, 0}),
            Map.entry("org/yunjian/notification/internal/WorkOpenedListener.java", new int[] {2, 0}),
            Map.entry("org/yunjian/obligations/ReminderAddresses.java", new int[] {1, 0}),
            Map.entry("org/yunjian/obligations/internal/CalendarFeeds.java", new int[] {5, 0}),
            Map.entry("org/yunjian/obligations/internal/ObligationRepository.java", new int[] {0, 10}),
            Map.entry("org/yunjian/obligations/internal/ReminderService.java", new int[] {7, 0}),
            Map.entry("org/yunjian/party/internal/EngagementRepository.java", new int[] {0, 8}),
            Map.entry("org/yunjian/party/internal/InvitationRepository.java", new int[] {0, 8}),
            Map.entry("org/yunjian/party/internal/OrganizationRepository.java", new int[] {0, 4}),
            Map.entry("org/yunjian/party/internal/PartiesService.java", new int[] {2, 0}),
            Map.entry("org/yunjian/party/internal/PrivateNotesSealing.java", new int[] {2, 0}),
            Map.entry("org/yunjian/party/internal/SystemRepository.java", new int[] {0, 10}),
            Map.entry("org/yunjian/party/internal/Visibility.java", new int[] {20, 15}),
            Map.entry("org/yunjian/report/internal/DemoReportTemplate.java", new int[] {1, 0}),
            Map.entry("org/yunjian/report/internal/ReportRecordRepository.java", new int[] {0, 4}),
            Map.entry("org/yunjian/responsibility/internal/liability/IncidentRepository.java", new int[] {0, 2}),
            Map.entry("org/yunjian/risk/RiskEntry.java", new int[] {1, 0}),
            Map.entry("org/yunjian/security/internal/AccountRepository.java", new int[] {0, 7}),
            Map.entry("org/yunjian/security/internal/OrganizationAdmins.java", new int[] {7, 2}),
            Map.entry("org/yunjian/security/internal/admin/AdminRequestRepository.java", new int[] {0, 5}),
            Map.entry("org/yunjian/security/internal/login/DatabaseThrottleStore.java", new int[] {6, 0}),
            Map.entry("org/yunjian/security/internal/login/TotpSecrets.java", new int[] {1, 0}),
            Map.entry("org/yunjian/security/internal/session/SessionRevocations.java", new int[] {4, 0}),
            Map.entry("org/yunjian/security/internal/token/ApiTokenRepository.java", new int[] {0, 8}),
            Map.entry("org/yunjian/shared/SerialNumbers.java", new int[] {2, 0}),
            Map.entry("org/yunjian/shared/cluster/ClusterJobs.java", new int[] {2, 0}),
            Map.entry("org/yunjian/shared/cluster/ClusterNodes.java", new int[] {5, 0}),
            Map.entry("org/yunjian/shared/paging/PageRequest.java", new int[] {2, 2}),
            Map.entry("org/yunjian/shared/paging/SqlPage.java", new int[] {9, 7}),
            Map.entry("org/yunjian/shared/version/Versions.java", new int[] {3, 3}),
            Map.entry("org/yunjian/storage/EmbeddedH2.java", new int[] {2, 2}),
            Map.entry("org/yunjian/workbench/internal/Dashboards.java", new int[] {11, 9}),
            Map.entry("org/yunjian/workbench/internal/DemoCompletedAssessment.java", new int[] {17, 16}),
            Map.entry("org/yunjian/workbench/internal/OverviewQuery.java", new int[] {53, 50}),
            Map.entry("org/yunjian/workbench/internal/WorkbenchRepository.java", new int[] {0, 1})
);

    static final Pattern SQL = Pattern.compile(
            "^\\s*(SELECT|INSERT INTO|UPDATE \\w+|DELETE FROM|MERGE INTO|WITH \\w+|CREATE|ALTER|DROP|GRANT|REVOKE"
                    + "|TRUNCATE|BACKUP TO|RUNSCRIPT|SCRIPT|SET|CALL)\\b"
                    + "|\\b(SELECT|FROM|WHERE|ORDER BY|GROUP BY|JOIN|VALUES|UNION|HAVING|LIMIT|OFFSET|ON CONFLICT|EXISTS"
                    + "|COALESCE|DISTINCT|INSERT INTO|DELETE FROM|IS NULL|IS NOT NULL|NOT NULL|AND|OR|SET|IN|AS|ASC"
                    + "|DESC|CASE WHEN|LOWER|COUNT)\\b");

    record Literal(String text, boolean textBlock, boolean joinedByPlus) {
    }

    record Finding(String file, int outside, int joined) {
    }

    @Test
    @DisplayName("SQL lives in text blocks in *Repository and *Queries classes, never joined with +, and the list of files still to do only shrinks")
    void sqlLivesInTextBlocksInRepositories() throws IOException {
        Map<String, Finding> found = new TreeMap<>();
        for (Path root : MAIN_SOURCES) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Finding f = inspect(root.relativize(p).toString().replace('\\', '/'), read(p));
                    if (f.outside() + f.joined() > 0) {
                        found.put(f.file(), f);
                    }
                });
            }
        }
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        found.values().forEach(f -> {
            int[] allowed = NOT_YET.getOrDefault(f.file(), new int[] {0, 0});
            if (f.outside() > allowed[0] || f.joined() > allowed[1]) {
                worse.add(f.file() + ": " + f.outside() + " SQL literals outside a *Repository/*Queries class (allowed "
                        + allowed[0] + "), " + f.joined() + " joined with + (allowed " + allowed[1] + ")");
            }
        });
        NOT_YET.forEach((file, allowed) -> {
            Finding f = found.getOrDefault(file, new Finding(file, 0, 0));
            if (f.outside() < allowed[0] || f.joined() < allowed[1]) {
                better.add(file + ": now " + f.outside() + " outside, " + f.joined() + " joined; lower its entry");
            }
        });
        assertThat(worse).as("SQL outside repositories or built with +").isEmpty();
        assertThat(better).as("entries of NOT_YET to lower or remove").isEmpty();
    }

    @Test
    @DisplayName("the scan finds SQL in a service and SQL built with +, and accepts a text block in a repository")
    void theScanFindsTheOldWays() {
        String concatenated = """
                class Things {
                    // SELECT in a comment is no SQL
                    String q(String order) {
                        return "SELECT id FROM thing WHERE owner = ? " + "ORDER BY " + order;
                    }
                    String message = "Pick a thing from the list";
                    char c = '"';
                }
                """;
        assertThat(inspect("a/ThingService.java", concatenated)).isEqualTo(new Finding("a/ThingService.java", 2, 2));
        assertThat(inspect("a/ThingRepository.java", concatenated))
                .isEqualTo(new Finding("a/ThingRepository.java", 0, 2));

        String textBlock = "class ThingRepository {\n    static final String BY_OWNER = \"\"\"\n"
                + "            SELECT id FROM thing\n            WHERE owner = ?\"\"\";\n}\n";
        assertThat(inspect("a/ThingRepository.java", textBlock)).isEqualTo(new Finding("a/ThingRepository.java", 0, 0));
        assertThat(inspect("a/ThingQueries.java", textBlock)).isEqualTo(new Finding("a/ThingQueries.java", 0, 0));
        assertThat(inspect("a/Things.java", textBlock)).isEqualTo(new Finding("a/Things.java", 1, 0));
    }

    static Finding inspect(String file, String source) {
        String name = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        boolean repository = name.endsWith("Repository") || name.endsWith("Queries");
        int outside = 0;
        int joined = 0;
        for (Literal l : literals(source)) {
            if (!SQL.matcher(l.text()).find()) {
                continue;
            }
            if (!repository) {
                outside++;
            }
            if (l.joinedByPlus()) {
                joined++;
            }
        }
        return new Finding(file, outside, joined);
    }

    /** The string literals and text blocks of a Java source, outside comments, with whether a + touches them. */
    static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int j = s.indexOf('\n', i);
                i = j < 0 ? n : j;
            } else if (s.startsWith("/*", i)) {
                int j = s.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int j = i + 3;
                while (!s.startsWith("\"\"\"", j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(literal(s, i, j + 3, s.substring(i + 3, j), true));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.add(literal(s, i, j + 1, s.substring(i + 1, j), false));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static Literal literal(String s, int start, int end, String text, boolean textBlock) {
        int b = start - 1;
        while (b >= 0 && Character.isWhitespace(s.charAt(b))) {
            b--;
        }
        int a = end;
        while (a < s.length() && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        boolean plus = (b >= 0 && s.charAt(b) == '+') || (a < s.length() && s.charAt(a) == '+');
        return new Literal(text, textBlock, plus);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
