package org.yunjian.exit;

/**
 * What a full pass over a manifest established before any data is read.
 *
 * @param header    the header line
 * @param items     non-file inventory items
 * @param files     file entries
 * @param bytes     total size of the file entries
 * @param signature the signature's status
 * @param detail    a human-readable explanation of the status
 * @param digest    {@code sm3:<hex>} of the signed bytes
 */
public record ManifestCheck(ManifestHeader header, long items, long files, long bytes, SignatureStatus signature, String detail,
                            String digest) {
}
