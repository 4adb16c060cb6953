package org.yunjian.vault;

import org.yunjian.shared.Msg;

/** How an accepted file type is named to people and served: by the type detected from the content only. */
public final class FileTypes {

    private FileTypes() {}

    /** File name extension to serve a type under (the stored display name's own extension is not trusted). */
    public static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/bmp" -> "bmp";
            case "image/webp" -> "webp";
            case "image/tiff" -> "tif";
            case "application/pdf" -> "pdf";
            case "text/plain" -> "txt";
            case "application/json" -> "json";
            case "application/xml" -> "xml";
            case "application/msword" -> "doc";
            case "application/vnd.ms-excel" -> "xls";
            case "application/vnd.ms-powerpoint" -> "ppt";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "xlsx";
            case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "pptx";
            default -> "bin";
        };
    }

    /** An accepted type for people: "PNG 图片", "Word 文档" ({@code assessment.fileType.<extension>}). */
    public static Msg typeName(String contentType) {
        String ext = extension(contentType);
        if (ext.equals("bin") && "application/x-ole-storage".equals(contentType)) {
            ext = "ole";
        }
        return Msg.of("assessment.fileType." + ext);
    }

    /** The name to serve under: the display name's stem and the extension of the detected type. */
    public static String servedName(String displayName, String contentType) {
        String stem = displayName;
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            stem = stem.substring(0, dot);
        }
        return stem + "." + extension(contentType);
    }
}
