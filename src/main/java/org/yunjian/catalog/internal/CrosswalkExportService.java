package org.yunjian.catalog.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yunjian.catalog.Catalog;
import org.yunjian.catalog.CrosswalkExport;
import org.yunjian.catalog.ForeignControls;
import org.yunjian.catalog.OscalFormat;
import org.yunjian.shared.AuditableEvent;
import org.yunjian.shared.Msg;

/** Writes the crosswalk as an OSCAL 1.2 mapping collection and records the download. */
@Service
class CrosswalkExportService implements CrosswalkExport {

    private final ForeignControls controls;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    CrosswalkExportService(ForeignControls controls, Catalog catalog, ApplicationEventPublisher events) {
        this.controls = controls;
        this.catalog = catalog;
        this.events = events;
    }

    @Override
    public String mappingCollection(OscalFormat format) {
        OscalMappingCollection.Doc doc = OscalMappingCollection.of(controls, catalog);
        String out = format == OscalFormat.JSON ? OscalMappingCollection.json(doc) : OscalMappingCollection.xml(doc);
        events.publishEvent(AuditableEvent.success(
                "catalog.export",
                "catalog_standard",
                "NIST-SP800-53R5-CROSSWALK",
                Msg.of(
                        "catalog.audit.exportMapping",
                        format.name(),
                        controls.all().size())));
        return out;
    }
}
