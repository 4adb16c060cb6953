package org.yunjian.party.web;

import java.util.ArrayList;
import java.util.List;
import org.yunjian.party.SystemAsset;
import org.yunjian.shared.FieldValues;

/** The 测评对象 page's form: one row per asset (blank rows to add some), each with a "remove" box, and the list's version. */
public class AssetForm {

    /** Blank rows offered below the stored ones. */
    static final int BLANK_ROWS = 3;

    private List<Row> rows = new ArrayList<>();
    private String version;

    public static class Row {
        private String type;
        private String name;
        private String version;
        private String importance;
        private String note;
        private boolean remove;

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String version) {
            this.version = version;
        }

        public String getImportance() {
            return importance;
        }

        public void setImportance(String importance) {
            this.importance = importance;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }

        /** Nothing typed: a blank row offered for a new asset and left alone. */
        boolean blank() {
            return FieldValues.blank(name) && FieldValues.blank(version) && FieldValues.blank(note);
        }
    }

    static AssetForm of(SystemAsset.Inventory list) {
        AssetForm f = new AssetForm();
        for (SystemAsset a : list.assets()) {
            Row r = new Row();
            r.setType(a.type().name());
            r.setName(a.name());
            r.setVersion(a.version());
            r.setImportance(a.importance().name());
            r.setNote(a.note());
            f.rows.add(r);
        }
        f.version = String.valueOf(list.version());
        f.addBlankRows();
        return f;
    }

    void addBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row());
        }
    }

    /** The rows kept (not removed, not blank), as input, with the form row each came from. */
    record Kept(List<SystemAsset.Input> inputs, List<Integer> rowOf) {}

    Kept kept() {
        List<SystemAsset.Input> in = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.isRemove() || r.blank()) {
                continue;
            }
            in.add(new SystemAsset.Input(r.getType(), r.getName(), r.getVersion(), r.getImportance(), r.getNote()));
            rowOf.add(i);
        }
        return new Kept(in, rowOf);
    }

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
