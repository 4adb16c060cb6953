package org.yunjian.workbench.web;

import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yunjian.assessment.ItemGenerator;

/**
 * Offers the imported OSCAL catalogs as scopes on the assessment pages (the creation form lists them beside the
 * built-in selections; {@code CATALOG:<code>} → the catalog's title).
 */
@ControllerAdvice(assignableTypes = AssessmentPages.class)
class ImportedScopeOptions {

    private final ItemGenerator generator;

    ImportedScopeOptions(ItemGenerator generator) {
        this.generator = generator;
    }

    @ModelAttribute("importedScopes")
    Map<String, String> importedScopes() {
        return generator.importedSelections();
    }
}
