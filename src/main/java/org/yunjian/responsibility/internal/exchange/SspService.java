package org.yunjian.responsibility.internal.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.Standard;
import org.yunjian.responsibility.SignOffSide;
import org.yunjian.responsibility.internal.EditInputs;
import org.yunjian.responsibility.internal.ResponsibilityService;
import org.yunjian.responsibility.internal.view.MatrixView;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.DownloadName;
import org.yunjian.shared.FieldErrors;
import org.yunjian.shared.Msg;
import org.yunjian.shared.Text;

/**
 * A system's matrix exchanged as an OSCAL 1.1.3 system security plan (docs/modules/responsibility.md, "OSCAL SSP
 * exchange"): exported for the provider's or the customer's side in JSON or XML, and imported back as a new draft
 * version after the official schema and the meaning checks ({@link SspReader}) pass. Access, version locking and
 * audit are {@link ResponsibilityService}'s ({@link MatrixImports}).
 */
@Service
public class SspService {

    /** Paths named per refused import at most; the rest are counted. */
    static final int MAX_PROBLEMS = 30;

    private final ResponsibilityService matrices;
    private final MatrixImports imports;
    private final EditInputs inputs;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final int maxBytes;

    SspService(
            ResponsibilityService matrices,
            MatrixImports imports,
            EditInputs inputs,
            Catalog catalog,
            ApplicationEventPublisher events,
            @Value("${yunjian.responsibility.ssp-max-bytes:5000000}") int maxBytes) {
        this.matrices = matrices;
        this.imports = imports;
        this.inputs = inputs;
        this.catalog = catalog;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    /** An exported SSP with the name it is downloaded under. */
    public record Document(byte[] content, OscalFormat format, DownloadName name, int version) {}

    /** Uploads larger than this are refused before they are read. */
    /** The system's current matrix version (parties of the system; others get 404). */
    @Transactional(readOnly = true)
    public int currentVersion(UUID systemId) {
        return matrices.current(systemId).info().currentVersion();
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The current (or the given) version as an SSP for {@code side}; the export is audited like other document
     * exports. 404 for a caller who may not see the system.
     */
    @Transactional(readOnly = true)
    public Document export(UUID systemId, Integer version, SignOffSide side, OscalFormat format) {
        MatrixView v = version == null ? matrices.current(systemId) : matrices.version(systemId, version);
        Standard standard = catalog.standard("TCCIA004").orElseThrow();
        SspTree.Node ssp = SspWriter.ssp(v, side, standard);
        String text = format == OscalFormat.JSON ? SspTree.json(ssp) : SspTree.xml(ssp);
        byte[] content = Text.safe(text).getBytes(StandardCharsets.UTF_8);
        int n = v.version().version();
        events.publishEvent(AuditableEvent.success(
                "responsibility.ssp.export",
                ResponsibilityService.OBJECT,
                v.info().id(),
                Msg.of("responsibility.audit.sspExport", n, Msg.of(side), format.name())));
        DownloadName name = DownloadName.of(
                "responsibility.ssp.fileName." + side.name(),
                "oscal-ssp-" + side.name().toLowerCase(java.util.Locale.ROOT),
                v.access().system().name(),
                "v" + n,
                v.version().createdAt(),
                format.extension());
        return new Document(content, format, name, n);
    }

    /**
     * An SSP (JSON or XML, told by its content) read into the system's matrix as a new draft version, all or
     * nothing. Refused with every problem keyed by its path: a file that is neither, one over the size limit,
     * schema violations (with their line), then duties, organisations, roles and agreements the system does not
     * have.
     *
     * @param fileName the uploaded file's name, for the audit entry
     */
    public MatrixImports.Imported importSsp(
            UUID systemId, String fileName, byte[] content, org.yunjian.shared.version.ExpectedVersion baseVersion) {
        matrices.access(systemId).requireEditor();
        Parsed parsed = parsed(content);
        SspTree.Node ssp = parsed.ssp();
        OscalFormat format = parsed.format();
        String source = Text.fileName(fileName, "oscal-ssp." + format.extension());
        return imports.importRows(systemId, source, baseVersion, m -> SspReader.read(ssp, m, inputs));
    }

    /** A plan read after the size, the format and the official schema passed. */
    record Parsed(SspTree.Node ssp, OscalFormat format) {}

    /**
     * Reads a plan (JSON or XML, told by its content), refused with every problem keyed by its path: a file that is
     * neither, one over the size limit, schema violations (with their line).
     */
    Parsed parsed(byte[] content) {
        if (content.length > maxBytes) {
            throw new FieldErrors.ValidationException(
                    "file", "responsibility.ssp.error.tooLarge", maxBytes / 1_000_000);
        }
        OscalFormat format = OscalFormat.sniff(content);
        if (format == null) {
            throw new FieldErrors.ValidationException("/", "responsibility.ssp.error.notOscal");
        }
        List<OscalSchemas.Problem> problems = OscalSchemas.validate(OscalSchemas.Model.SSP, format, content);
        if (!problems.isEmpty()) {
            FieldErrors errors = new FieldErrors();
            for (OscalSchemas.Problem p : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS))) {
                errors.add(
                        p.path(),
                        p.line() > 0 ? Msg.of("responsibility.ssp.error.atLine", p.line(), p.message()) : p.message());
            }
            if (problems.size() > MAX_PROBLEMS) {
                errors.add("…", "responsibility.ssp.error.more", problems.size() - MAX_PROBLEMS);
            }
            errors.throwIfAny();
        }
        return new Parsed(
                format == OscalFormat.JSON
                        ? SspTree.readJson(content, "system-security-plan")
                        : SspTree.readXml(content),
                format);
    }
}
