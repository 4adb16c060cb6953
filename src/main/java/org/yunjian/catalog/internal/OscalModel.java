package org.yunjian.catalog.internal;

import java.util.List;

/**
 * The part of the OSCAL catalog model Yunjian reads and writes: catalog metadata (title, dates, versions,
 * props), groups, controls (nested), parts with prose, and props. Parameters, links and back matter of an
 * imported catalog are not kept.
 */
final class OscalModel {

    static final String OSCAL_VERSION = "1.1.3";
    static final String NS = "https://yunjian.org/ns/oscal";

    private OscalModel() {
    }

    record Prop(String name, String ns, String value) {
        static Prop yunjian(String name, String value) {
            return new Prop(name, NS, value);
        }

        boolean isYunjian(String n) {
            return NS.equals(ns) && name.equals(n);
        }
    }

    record Part(String id, String name, String ns, String title, List<Prop> props, String prose, List<Part> parts) {
        Part {
            props = List.copyOf(props);
            parts = List.copyOf(parts);
        }
    }

    record Control(String id, String clazz, String title, List<Prop> props, List<Part> parts, List<Control> controls) {
        Control {
            props = List.copyOf(props);
            parts = List.copyOf(parts);
            controls = List.copyOf(controls);
        }
    }

    record Group(String id, String clazz, String title, List<Prop> props, List<Part> parts, List<Group> groups,
                 List<Control> controls) {
        Group {
            props = List.copyOf(props);
            parts = List.copyOf(parts);
            groups = List.copyOf(groups);
            controls = List.copyOf(controls);
        }
    }

    record Catalog(String uuid, String title, String published, String lastModified, String version,
                   String oscalVersion, List<Prop> props, List<Control> controls, List<Group> groups) {
        Catalog {
            props = List.copyOf(props);
            controls = List.copyOf(controls);
            groups = List.copyOf(groups);
        }
    }
}
