package org.yunjian.exit;

/**
 * What a full pass over a manifest established before any data is read.
 *
 * @param header    the header line
 * @param items     non-file inventory items
 * @param files     file entries
 * @param bytes     total size of the file entries
 * @param signature the signature's status
 * @param detail    why the signature has this status ({@code exit.signature.*}; {@link #code} names it in a report)
 * @param digest    {@code sm3:<hex>} of the signed bytes
 */
public record ManifestCheck(
        ManifestHeader header,
        long items,
        long files,
        long bytes,
        SignatureStatus signature,
        ExitText detail,
        String digest) {

    /** The stable code of {@link #detail()} written into a verification report: its key after {@code exit.signature.}. */
    public static String code(ExitText detail) {
        if (detail == null) {
            return null;
        }
        String key = detail.key();
        return key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
    }

    private static final String PREFIX = "exit.signature.";
}
