/**
 * Documents for people: PDF rendered from XHTML with an embedded CJK font ({@link PdfRenderer}, {@link CjkFont}), so
 * that reports and certificates in Chinese print the same everywhere.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Documents",
        allowedDependencies = {"shared"})
package org.yunjian.documents;
