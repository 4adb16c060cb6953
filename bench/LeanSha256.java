// The floor for `exit verify` with SHA-256: walk a tree and hash every file, nothing else.
// Usage (single-file launch): java bench/LeanSha256.java fis|fc|fcheap|mmap THREADS DIR
//   fis: FileInputStream into a heap buffer; fc: FileChannel into a direct buffer; fcheap: FileChannel into a
//   heap buffer; mmap: mapped for files of 1 MiB and more. Prints walk and hash times.
import java.nio.*;
import java.nio.channels.*;
import java.nio.file.*;
import java.security.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class LeanSha256 {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        String mode = a[0];
        int threads = Integer.parseInt(a[1]);
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(Path.of(a[2]))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        long t1 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    ByteBuffer direct = ByteBuffer.allocateDirect(1 << 20);
                    byte[] heap = new byte[1 << 18];
                    int k;
                    while ((k = next.getAndIncrement()) < files.size()) {
                        Path p = files.get(k);
                        if (mode.equals("fis")) {
                            try (var in = Files.newInputStream(p)) {
                                int n;
                                while ((n = in.readNBytes(heap, 0, heap.length)) > 0) {
                                    md.update(heap, 0, n);
                                    bytes.addAndGet(n);
                                }
                            }
                        } else if (mode.equals("fc")) {
                            try (FileChannel fc = FileChannel.open(p, StandardOpenOption.READ)) {
                                while (true) {
                                    direct.clear();
                                    int n = fc.read(direct);
                                    if (n <= 0) break;
                                    direct.flip();
                                    md.update(direct);
                                    bytes.addAndGet(n);
                                }
                            }
                        } else if (mode.equals("fcheap")) {
                            ByteBuffer hb = ByteBuffer.wrap(heap);
                            try (FileChannel fc = FileChannel.open(p, StandardOpenOption.READ)) {
                                while (true) {
                                    hb.clear();
                                    int n = fc.read(hb);
                                    if (n <= 0) break;
                                    md.update(heap, 0, n);
                                    bytes.addAndGet(n);
                                }
                            }
                        } else if (mode.equals("mmap")) {
                            try (FileChannel fc = FileChannel.open(p, StandardOpenOption.READ)) {
                                long size = fc.size();
                                if (size < (1 << 20)) {
                                    while (true) {
                                        direct.clear();
                                        int n = fc.read(direct);
                                        if (n <= 0) break;
                                        direct.flip();
                                        md.update(direct);
                                        bytes.addAndGet(n);
                                    }
                                } else {
                                    for (long off = 0; off < size; off += 64L << 20) {
                                        MappedByteBuffer mb = fc.map(
                                                FileChannel.MapMode.READ_ONLY, off, Math.min(64L << 20, size - off));
                                        bytes.addAndGet(mb.remaining());
                                        md.update(mb);
                                    }
                                }
                            }
                        }
                        md.digest();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        long t2 = System.nanoTime();
        System.out.printf(
                "%s t=%d walk %.2f s hash %.2f s total %.2f s %d bytes%n",
                mode, threads, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, bytes.get());
    }
}
