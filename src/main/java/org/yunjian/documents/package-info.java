/**
 * Documents for people: PDF rendered from XHTML with an embedded CJK font, so that reports and
 * certificates in Chinese print the same everywhere. Spring-free API ({@link PdfRenderer},
 * {@link CjkFont}); the web application gets a {@link PdfRenderer} bean configured by
 * {@code yunjian.documents.cjk-font}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.yunjian.documents;
