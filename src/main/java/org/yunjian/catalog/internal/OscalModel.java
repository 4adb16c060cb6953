package org.yunjian.catalog.internal;

import java.util.List;

/**
 * The part of the OSCAL catalog model Yunjian reads and writes: catalog metadata (title, dates, versions,
 * props), parameters, groups, controls (nested), parts with prose, and props. Links and back matter of an
 * imported catalog are not kept.
 */
final class OscalModel {

    static final String OSCAL_VERSION = "1.1.3";
    static final String NS = "https://yunjian.org/ns/oscal";
    /** The official OSCAL catalog JSON schema (draft-07), shipped in liboscal-java. */
    static final String JSON_SCHEMA = "schema/json/oscal-catalog_schema.json";

    private OscalModel() {}

    /** A property; {@code clazz} is OSCAL's {@code class} (NIST marks its SP 800-53A labels with it), kept for reading. */
    record Prop(String name, String ns, String value, String clazz) {
        Prop(String name, String ns, String value) {
            this(name, ns, value, null);
        }

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

    /**
     * A parameter a statement inserts ({@code {{ insert: param, ac-2_prm_1 }}}): its label ("organization-defined
     * frequency"), or the choices of a selection ({@code howMany} null or {@code one-or-more}), or set values;
     * choices may insert further parameters.
     */
    record Param(
            String id,
            String label,
            List<String> guidelines,
            List<String> values,
            String howMany,
            List<String> choices) {
        Param {
            guidelines = List.copyOf(guidelines);
            values = List.copyOf(values);
            choices = choices == null ? null : List.copyOf(choices);
        }

        boolean isSelection() {
            return choices != null;
        }
    }

    record Control(
            String id,
            String clazz,
            String title,
            List<Param> params,
            List<Prop> props,
            List<Part> parts,
            List<Control> controls) {
        Control {
            params = List.copyOf(params);
            props = List.copyOf(props);
            parts = List.copyOf(parts);
            controls = List.copyOf(controls);
        }
    }

    record Group(
            String id,
            String clazz,
            String title,
            List<Param> params,
            List<Prop> props,
            List<Part> parts,
            List<Group> groups,
            List<Control> controls) {
        Group {
            params = List.copyOf(params);
            props = List.copyOf(props);
            parts = List.copyOf(parts);
            groups = List.copyOf(groups);
            controls = List.copyOf(controls);
        }
    }

    record Catalog(
            String uuid,
            String title,
            String published,
            String lastModified,
            String version,
            String oscalVersion,
            List<Prop> props,
            List<Param> params,
            List<Control> controls,
            List<Group> groups) {
        Catalog {
            props = List.copyOf(props);
            params = List.copyOf(params);
            controls = List.copyOf(controls);
            groups = List.copyOf(groups);
        }
    }
}
