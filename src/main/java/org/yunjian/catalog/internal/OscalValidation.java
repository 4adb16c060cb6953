package org.yunjian.catalog.internal;

import java.util.List;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.catalog.OscalSchemas;
import org.yunjian.catalog.OscalSchemas.Problem;
import org.yunjian.shared.Msg;

/**
 * Backs {@link OscalSchemas} with the checks the catalog import uses: the schema step ({@link JsonSchemaCheck},
 * {@link OscalXml}), then the constraint step ({@link OscalConstraintCheck}).
 */
public final class OscalValidation {

    private OscalValidation() {}

    /** The schema step, then, when it passes, the constraints. */
    public static OscalSchemas.Report check(
            OscalSchemas.Model model, OscalFormat format, byte[] content, int maxDepth) {
        List<Problem> schema = validate(model, format, content, maxDepth);
        if (!schema.isEmpty()) {
            return new OscalSchemas.Report(schema, List.of(), List.of());
        }
        return OscalConstraintCheck.check(format, content);
    }

    /** The schema step alone. */
    public static List<Problem> validate(OscalSchemas.Model model, OscalFormat format, byte[] content, int maxDepth) {
        if (format == OscalFormat.XML) {
            return OscalXml.problems(model.xsd(), content, maxDepth);
        }
        try {
            LocatedJsonReader.read("", content, maxDepth);
        } catch (CatalogFileException e) {
            return List.of(new Problem(e.field(), e.line(), e.problem()));
        }
        return JsonSchemaCheck.oscal(model.jsonSchema()).validate(content).stream()
                .map(p -> new Problem(p.path(), p.line(), Msg.of("catalog.error.schema", p.message())))
                .toList();
    }
}
