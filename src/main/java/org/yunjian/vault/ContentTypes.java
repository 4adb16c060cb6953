package org.yunjian.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.yunjian.shared.ContentSniffing;
import org.yunjian.shared.Msg;

/**
 * Decides an upload's type from its bytes (Apache Tika magic detection — no parsing, and the file name is
 * never consulted). Accepted: common images, PDF, plain text, legacy Office (OLE2) and Office Open XML. A
 * ZIP is accepted only as a well-formed OOXML package: a bounded number of entries and expanded size, no
 * absolute or parent paths, {@code [Content_Types].xml} present and a Word, Excel or PowerPoint part.
 */
public final class ContentTypes {

    static final Set<String> DIRECT = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/bmp",
            "image/webp",
            "image/tiff",
            "application/pdf",
            "text/plain",
            "application/x-tika-msoffice",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint");

    static final Map<String, String> OOXML = Map.of(
            "word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    static final int MAX_ZIP_ENTRIES = 10_000;
    static final long MAX_ZIP_EXPANDED = 200L * 1024 * 1024;

    /** What {@link #accept} names for a ZIP that is not a well-formed Office package. */
    static final String NOT_OFFICE_ZIP = "zip-not-office";

    private ContentTypes() {}

    /** The accepted content type, or empty with the detected type named in {@code rejected}. */
    public static Optional<String> accept(byte[] bytes, StringBuilder rejected) {
        String detected = ContentSniffing.detect(bytes);
        if (DIRECT.contains(detected)) {
            return Optional.of(detected.equals("application/x-tika-msoffice") ? "application/x-ole-storage" : detected);
        }
        if (detected.equals("application/zip")
                || detected.startsWith("application/x-tika-ooxml")
                || detected.startsWith("application/vnd.openxmlformats-officedocument")) {
            Optional<String> ooxml = ooxml(bytes);
            if (ooxml.isPresent()) {
                return ooxml;
            }
            rejected.append(NOT_OFFICE_ZIP);
            return Optional.empty();
        }
        rejected.append(detected);
        return Optional.empty();
    }

    static Optional<String> ooxml(byte[] bytes) {
        boolean contentTypes = false;
        String type = null;
        int entries = 0;
        long expanded = 0;
        byte[] buf = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return Optional.empty();
                }
                String name = e.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\") || name.contains(":")) {
                    return Optional.empty();
                }
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                }
                for (Map.Entry<String, String> part : OOXML.entrySet()) {
                    if (name.startsWith(part.getKey()) && type == null) {
                        type = part.getValue();
                    }
                }
                int n;
                while ((n = zip.read(buf)) > 0) {
                    expanded += n;
                    if (expanded > MAX_ZIP_EXPANDED) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            return Optional.empty();
        }
        return contentTypes && type != null ? Optional.of(type) : Optional.empty();
    }

    /** File name extension to serve a type under (the stored display name's own extension is not trusted). */
    static String extension(String contentType) {
        return org.yunjian.vault.FileTypes.extension(contentType);
    }

    /** An accepted type for people: "PNG 图片", "Word 文档" ({@code assessment.fileType.<extension>}). */
    public static Msg typeName(String contentType) {
        return org.yunjian.vault.FileTypes.typeName(contentType);
    }

    /** A refused type for people: a script, a program, an archive, or another type named by its media type. */
    public static Msg refusedName(String detected) {
        String d = detected == null ? "" : detected;
        if (d.equals(NOT_OFFICE_ZIP)) {
            return Msg.of("assessment.fileType.refused.zipNotOffice");
        }
        if (d.contains("sh")
                || d.contains("script")
                || d.contains("python")
                || d.contains("perl")
                || d.contains("php")
                || d.contains("batch")) {
            return Msg.of("assessment.fileType.refused.script", d);
        }
        if (d.contains("executable")
                || d.contains("msdownload")
                || d.contains("dosexec")
                || d.contains("elf")
                || d.contains("mach-o")
                || d.contains("java-archive")) {
            return Msg.of("assessment.fileType.refused.program", d);
        }
        if (d.contains("zip") || d.contains("tar") || d.contains("rar") || d.contains("7z") || d.contains("gzip")) {
            return Msg.of("assessment.fileType.refused.archive", d);
        }
        return Msg.of("assessment.fileType.refused.other", d);
    }
}
