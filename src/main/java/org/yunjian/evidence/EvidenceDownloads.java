package org.yunjian.evidence;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An evidence file as an HTTP download: attachment, no sniffing, its SM3 in a header. */
public final class EvidenceDownloads {

    private EvidenceDownloads() {}

    public static ResponseEntity<byte[]> download(EvidenceService.Download d) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Evidence-SM3", d.info().sm3())
                .contentType(MediaType.parseMediaType(d.info().contentType()))
                .body(d.content());
    }
}
