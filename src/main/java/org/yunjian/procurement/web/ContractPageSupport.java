package org.yunjian.procurement.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yunjian.procurement.internal.ContractDocxExport;

/** The Word download of an acquisition document from a page. */
final class ContractPageSupport {

    private ContractPageSupport() {}

    static ResponseEntity<byte[]> docx(ContractDocxExport e) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, e.name().contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.content());
    }
}
