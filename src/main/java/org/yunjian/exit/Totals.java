package org.yunjian.exit;

/**
 * Counts of a verification run.
 *
 * @param expected      file entries in the manifest or list
 * @param ok            entries whose size and checksum match
 * @param missing       entries with no file
 * @param extra         files with no entry
 * @param sizeMismatch  entries whose file has another size
 * @param hashMismatch  entries whose file has the same size but another checksum
 * @param unreadable    entries or files that could not be read (now or when the manifest was built)
 * @param bytesHashed   bytes read and hashed, over all runs of a resumed verification
 * @param hashedThisRun files hashed by this run (a resumed run does not re-hash what was done)
 */
public record Totals(long expected, long ok, long missing, long extra, long sizeMismatch, long hashMismatch,
                     long unreadable, long bytesHashed, long hashedThisRun) {

    public long differences() {
        return missing + extra + sizeMismatch + hashMismatch + unreadable;
    }
}
