package org.yunjian.exit;

/** An entry of a hand-over manifest: a file or a non-file inventory item. */
public sealed interface ManifestEntry permits FileEntry, InventoryItem {}
