package org.yunjian.exit.cli;

import java.io.PrintWriter;
import org.yunjian.exit.BucketDeletionCheck;
import org.yunjian.exit.ExitTexts;
import org.yunjian.exit.internal.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yunjian exit check-deleted s3://bucket/prefix}: the command line of {@link BucketDeletionCheck}. */
@Command(name = "check-deleted", mixinStandardHelpOptions = true)
final class CheckDeletedCommand extends OfflineCommand {
    @Parameters(
            index = "0",
            paramLabel = "<s3://bucket[/prefix]>",
            descriptionKey = "cli.exit.option.checkDeleted.target")
    String target;

    @Option(names = "--json", descriptionKey = "cli.exit.option.checkDeleted.json")
    boolean json;

    @CommandLine.Mixin
    ExitCli.S3Options s3 = new ExitCli.S3Options();

    @Override
    protected int work(PrintWriter o, PrintWriter err) {
        boolean[] first = {true};
        String jsonStart = "{\"target\":" + Json.quote(target) + ",\"remaining\":[";
        BucketDeletionCheck.Report r = BucketDeletionCheck.check(
                target,
                s3.settings(),
                item -> {
                    if (json) {
                        o.print((first[0] ? jsonStart : ",")
                                + Json.obj()
                                        .put("key", item.key())
                                        .put("versionId", item.versionId())
                                        .put("kind", item.kind().name())
                                        .put("size", item.size())
                                        .put(
                                                "lastModified",
                                                item.lastModified() == null
                                                        ? null
                                                        : item.lastModified().toString()));
                    } else {
                        if (first[0]) {
                            o.println(ExitTexts.get("exit.cli.check.header"));
                        }
                        o.println(ExitTexts.get("exit.check.kind." + item.kind().name()) + "\t"
                                + ExitCli.oneLine(item.key()) + "\t"
                                + (item.versionId() == null ? "-" : item.versionId()) + "\t"
                                + (item.size() < 0 ? "-" : String.valueOf(item.size())) + "\t"
                                + (item.lastModified() == null
                                        ? "-"
                                        : item.lastModified().toString()));
                    }
                    first[0] = false;
                },
                0);
        if (json) {
            o.println((first[0] ? jsonStart : "") + "],\"bucket\":" + Json.quote(r.bucket()) + ",\"prefix\":"
                    + Json.quote(r.prefix())
                    + ",\"empty\":" + r.empty() + ",\"checkedAt\":"
                    + Json.quote(r.checkedAt().toString())
                    + ",\"totals\":"
                    + Json.obj()
                            .put("current", r.current())
                            .put("nonCurrent", r.nonCurrent())
                            .put("deleteMarkers", r.deleteMarkers())
                            .put("multipartUploads", r.multipartUploads())
                            .put("bytes", r.bytes())
                    + "}");
        } else {
            o.println(ExitTexts.get(
                    "exit.cli.check.totals",
                    target,
                    r.current(),
                    r.nonCurrent(),
                    r.deleteMarkers(),
                    r.multipartUploads(),
                    r.bytes()));
            o.println(
                    r.empty()
                            ? ExitTexts.get("exit.cli.check.empty", target)
                            : ExitTexts.get("exit.cli.check.notEmpty"));
        }
        return r.empty() ? 0 : 1;
    }
}
