package org.yunjian.responsibility.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunjian.catalog.Catalog;
import org.yunjian.responsibility.internal.view.ViewService;
import org.yunjian.responsibility.internal.view.ViewTexts;
import org.yunjian.shared.Msg;

/**
 * REST for the switchable views of a system's matrix (docs/modules/responsibility.md, "Views"): the 等保 cloud-extension
 * items with the side assessed and who answers for it, and the government-website guide or JR/T duties with the
 * organisations holding the roles they name. Same callers and visibility as the matrix itself.
 */
@RestController
@Tag(name = "responsibility", description = "责任矩阵 Responsibility matrices after T/CCIA 004-2024")
class ViewApi {

    private final ViewService views;
    private final Catalog catalog;

    ViewApi(ViewService views, Catalog catalog) {
        this.views = views;
        this.catalog = catalog;
    }

    /** A view offered for the system: its code for {@code /views/{view}} and its name. */
    record OfferedView(String view, String label) {}

    /** A view of one matrix version, rendered in the request's language. */
    record ViewResponse(int version, String status, ViewTexts.Table table) {}

    @GetMapping(ResponsibilityApi.BASE + "/views")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "The views of the matrix offered for this system besides its T/CCIA duties: mlps (等保 "
                    + "cloud-extension items) always, gov (government-website guide) for a government website, jrt (JR/T) for "
                    + "a securities and futures system")
    List<OfferedView> offered(@PathVariable UUID id) {
        return views.offered(id).stream()
                .map(k -> new OfferedView(k.code(), Msg.of(k).text()))
                .toList();
    }

    @GetMapping(ResponsibilityApi.BASE + "/views/{view}")
    @PreAuthorize(ResponsibilityApi.WHO)
    @Operation(
            summary = "One view of the current (or the given) matrix version. mlps: each 等保 level-3 cloud-extension "
                    + "item grouped by area, the side it is assessed on and the organisations answering for that side, and for "
                    + "items the catalog maps onto T/CCIA duties those duties' accountable and implementing parties. gov / jrt: "
                    + "the guide's duties grouped by lifecycle phase, restricted to the system's deployment model, each with the "
                    + "roles it names and the organisations holding them. A partner or agent sees only the rows naming its "
                    + "organisation. 400 naming why for an unknown view or one not offered for the system's industry; 404 "
                    + "without a matrix")
    ViewResponse view(
            @PathVariable UUID id,
            @Parameter(description = "mlps, gov or jrt") @PathVariable String view,
            @RequestParam(required = false) Integer version) {
        ViewService.ViewResult r = views.view(id, view, version);
        return new ViewResponse(
                r.matrix().version().version(),
                Msg.of(r.matrix().version().status()).text(),
                ViewTexts.table(r.view(), r.matrix().matrix(), catalog));
    }
}
