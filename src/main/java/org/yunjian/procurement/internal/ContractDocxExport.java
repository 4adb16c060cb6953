package org.yunjian.procurement.internal;

import org.yunjian.shared.DownloadName;

/** A generated document and the name it is downloaded under. */
public record ContractDocxExport(byte[] content, DownloadName name) {}
