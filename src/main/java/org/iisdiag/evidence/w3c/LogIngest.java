package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.iisdiag.evidence.ReadReport;

/**
 * Reads W3C logs on every core. The calling thread reads (and decompresses) each file in turn and cuts
 * it into blocks of whole lines; worker threads parse and aggregate the blocks, each into an aggregate
 * of its own; the blocks are then folded into the case's aggregate strictly in file and line order
 * (by whichever thread finishes the block that is next): first into an aggregate of the file, which is
 * folded into the case's when the file ends. Blocks depend only on the content, never on the number
 * of threads, so the result is the same for any number, including none (the calling thread parses
 * each block itself); and a file's aggregate is the same wherever it is read, so the fleet job, which
 * reads each file on some machine of a cluster and folds them together in the same order, gets the
 * same result too.
 *
 * <p>What a block cannot know until the blocks before it are placed is kept relative and fixed when it
 * is folded in: its first line number, and the {@code #Fields} in force where it starts. The latter is
 * guessed from the file's header; a block whose guess proves wrong (the field list changed earlier in
 * the file) is parsed again with the right one when its turn comes.
 */
public final class LogIngest implements AutoCloseable {
    /** Block size: large enough that per-block overhead vanishes, small enough to spread a file over cores. */
    public static final int BLOCK_BYTES = 8 << 20;

    private final LogLayouts catalog;
    private final ExecutorService workers;
    private final BlockPool buffers;
    private final PartPool parts = new PartPool();
    private final ArrayDeque<Slot<?>> pending = new ArrayDeque<>(); // guarded by this
    private Throwable bug;

    /** @param threads worker threads; 0 parses on the calling thread */
    public LogIngest(int threads, LogLayouts catalog) {
        this(threads, catalog, BLOCK_BYTES);
    }

    /**
     * @param blockBytes the block size (tests use small ones to cross block borders often); the result
     *                   depends on it (URI sketches are merged per block), never on {@code threads}
     */
    public LogIngest(int threads, LogLayouts catalog, int blockBytes) {
        this.catalog = catalog;
        int n = Math.max(0, threads);
        int blocks = n == 0 ? 1 : 2 * n + 1;
        this.buffers = new BlockPool(blockBytes, blocks);
        if (n == 0) {
            workers = null;
        } else {
            AtomicInteger id = new AtomicInteger();
            workers = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "iisdiag-ingest-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Reads one file whole on the calling thread: for tests, tools and Spark executors. */
    public static <A> void readNow(LogFormat<A> format, A total, LogSource source, InputStream in, ReadReport report)
            throws IOException {
        Exception[] failure = new Exception[1];
        try (LogIngest ingest = new LogIngest(0, LogLayouts.builtIn())) {
            ingest.read(format, total, source, in, report, e -> failure[0] = e);
            ingest.finish();
        }
        if (failure[0] instanceof IOException e) {
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
    }

    /**
     * Reads a file into blocks and hands them to the workers; returns when the file is read, usually
     * before its last blocks are parsed. {@code onDone} is called, in file order, once the file is
     * wholly folded into {@code total} and its report complete, with what stopped reading it or null.
     */
    public <A> void read(LogFormat<A> format, A total, LogSource source, InputStream in, ReadReport report,
                         Consumer<Exception> onDone) {
        FileState<A> file = new FileState<>(format, total, source, report, onDone);
        LineBlocks blocks = new LineBlocks(in, buffers);
        W3cLayout guess = null;
        try {
            LineBlocks.Block b;
            while ((b = blocks.next()) != null) {
                Slot<A> slot = new Slot<>(file, b, b.first() ? null : guess, parts); // nothing is in force before the first
                if (b.first() && b.buf() != null) {
                    guess = headerFields(b.buf(), b.length());
                }
                enqueue(slot);
                if (workers == null) {
                    slot.parse(catalog);
                    completed(slot);
                } else {
                    workers.execute(() -> {
                        try {
                            slot.parse(catalog);
                        } finally {
                            completed(slot); // always: finish() waits for every slot
                        }
                    });
                }
            }
        } catch (IOException | RuntimeException e) {
            file.error = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            file.error = new IOException("interrupted");
        }
        file.bytes = blocks.bytes();
        Slot<A> end = new Slot<>(file, null, null, parts);
        enqueue(end);
        completed(end);
    }

    /**
     * Runs {@code action} (on some thread, holding this ingest's lock) once everything read before it is
     * folded in and before anything read after it: how other evidence joins the same aggregates in order.
     */
    public void inOrder(Runnable action) {
        Slot<Object> slot = new Slot<>(null, null, null, parts);
        slot.action = action;
        enqueue(slot);
        completed(slot);
    }

    /** Waits until every file read so far is folded in. */
    public void finish() {
        synchronized (this) {
            while (!pending.isEmpty() && bug == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading logs", e);
                }
            }
            if (bug != null) {
                throw new IllegalStateException("reading logs failed: " + bug, bug);
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private synchronized void enqueue(Slot<?> slot) {
        pending.add(slot);
    }

    /** Marks a slot done and folds in every slot that is now next in order. */
    private synchronized void completed(Slot<?> slot) {
        slot.done = true;
        while (!pending.isEmpty() && pending.peek().done) {
            Slot<?> head = pending.poll();
            try {
                if (bug == null) {
                    head.fold(catalog);
                }
            } catch (RuntimeException | Error e) {
                bug = e; // finish() reports it; the buffers keep coming back so the reading thread never hangs
            }
            if (head.block != null && head.block.buf() != null) {
                buffers.give(head.block.buf());
            }
        }
        notifyAll();
    }

    /** The last #Fields of the directives a file starts with: the guess for the blocks after the first. */
    static W3cLayout headerFields(byte[] b, int len) {
        W3cLayout fields = null;
        int pos = len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        while (pos < len && b[pos] == '#') {
            int nl = pos;
            while (nl < len && b[nl] != '\n') {
                nl++;
            }
            String line = new String(b, pos, nl - pos, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (line.regionMatches(true, 0, "#Fields:", 0, 8) && line.length() > 8) {
                fields = W3cLayout.fields(line.substring(8), 0);
            }
            pos = nl + 1;
        }
        return fields;
    }

    /** Block aggregates to reuse, per format: a block's aggregate is emptied and serves a later block. */
    private static final class PartPool {
        private final java.util.Map<LogFormat<?>, java.util.concurrent.ConcurrentLinkedDeque<Object>> free =
                new java.util.concurrent.ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <A> A take(LogFormat<A> format) {
            A part = (A) free.computeIfAbsent(format, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).poll();
            if (part == null) {
                return format.newAggregator();
            }
            format.clear(part);
            return part;
        }

        <A> void give(LogFormat<A> format, A part) {
            free.computeIfAbsent(format, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).push(part);
        }
    }

    /** What is known of a file while its blocks are folded in. */
    private static final class FileState<A> {
        final LogFormat<A> format;
        final A total;
        final A file;
        final LogSource source;
        final ReadReport report;
        final Consumer<Exception> onDone;
        long[] shapeCounts = new long[0]; // sized when a block first reads lines by their shape
        long[] shapeFirst = new long[0];
        long lines;
        long bytes;
        int directiveNotes;
        W3cLayout fieldsInForce; // absolute line
        Exception error;

        FileState(LogFormat<A> format, A total, LogSource source, ReadReport report, Consumer<Exception> onDone) {
            this.format = format;
            this.total = total;
            this.file = format.newAggregator();
            this.source = source;
            this.report = report;
            this.onDone = onDone;
        }
    }

    /** One block of a file (or, with a null block, the end of the file) on its way through. */
    private static final class Slot<A> {
        final FileState<A> file;
        final LineBlocks.Block block;
        final W3cLayout guess;
        final PartPool parts;
        A part;
        W3cScanner scan;
        Throwable failure; // a RuntimeException fails the file; an Error fails the whole read
        Runnable action; // instead of a block: see inOrder
        boolean done; // guarded by the LogIngest

        Slot(FileState<A> file, LineBlocks.Block block, W3cLayout guess, PartPool parts) {
            this.file = file;
            this.block = block;
            this.guess = guess;
            this.parts = parts;
        }

        void parse(LogLayouts catalog) {
            parse(catalog, guess);
        }

        private void parse(LogLayouts catalog, W3cLayout inherited) {
            try {
                LogFormat<A> f = file.format;
                if (part != null) {
                    parts.give(f, part); // parsed before with the wrong #Fields
                }
                part = parts.take(f);
                scan = new W3cScanner(block.buf(), block.first(), inherited, f.handler(part, file.source), catalog,
                        f.kind());
                if (block.overLong()) {
                    scan.overLongLine();
                } else {
                    scan.scan(0, block.length());
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        /** Places this block in its file (on the thread that holds the LogIngest's lock). */
        void fold(LogLayouts catalog) {
            if (action != null) {
                action.run();
                return;
            }
            FileState<A> f = file;
            if (block == null) {
                end(catalog);
                return;
            }
            if (failure == null && !(f.fieldsInForce == null ? guess == null : f.fieldsInForce.sameFields(guess))) {
                parse(catalog, f.fieldsInForce); // the #Fields changed before this block: parse it with the right one
            }
            if (failure != null) {
                if (failure instanceof Error e) {
                    throw e;
                }
                if (f.error == null) {
                    f.error = (RuntimeException) failure;
                }
                return;
            }
            long base = f.lines;
            f.format.merge(f.file, part, base);
            parts.give(f.format, part);
            ReadReport r = f.report;
            for (W3cScanner.Problem p : scan.problems) {
                String origin = p.layout() == null ? ""
                        : p.layout() == scan.inherited() ? f.fieldsInForce.origin() : p.layout().origin(base);
                r.reject(base + p.line(), p.reason() + origin + p.tail());
            }
            r.countRejected(scan.rejected - scan.problems.size());
            r.addLines(scan.lines);
            r.addEntries(scan.entries);
            for (String note : scan.directiveNotes) {
                if (f.directiveNotes++ < W3cScanner.MAX_DIRECTIVE_NOTES) {
                    r.note(note);
                }
            }
            if (scan.shapeCounts.length > f.shapeCounts.length) {
                f.shapeCounts = java.util.Arrays.copyOf(f.shapeCounts, scan.shapeCounts.length);
                f.shapeFirst = java.util.Arrays.copyOf(f.shapeFirst, scan.shapeCounts.length);
            }
            for (int i = 0; i < scan.shapeCounts.length; i++) {
                if (scan.shapeCounts[i] > 0 && f.shapeCounts[i] == 0) {
                    f.shapeFirst[i] = base + scan.shapeFirst[i];
                }
                f.shapeCounts[i] += scan.shapeCounts[i];
            }
            if (scan.lastFields != null) {
                f.fieldsInForce = scan.lastFields.rebased(base);
            }
            f.lines += scan.lines;
            part = null;
            scan = null;
        }

        private void end(LogLayouts catalog) {
            FileState<A> f = file;
            ReadReport r = f.report;
            r.addBytes(f.bytes);
            for (int i = 0; i < f.shapeCounts.length; i++) {
                if (f.shapeCounts[i] > 0) {
                    KnownLayout k = catalog.all().get(i);
                    r.note(String.format(java.util.Locale.ROOT,
                            "%,d line%s that no #Fields directive describes read by %s shape as layout %s (%s), the first"
                                    + " at line %d: %s", f.shapeCounts[i], f.shapeCounts[i] == 1 ? "" : "s",
                            f.shapeCounts[i] == 1 ? "its" : "their", k.name(), k.description(), f.shapeFirst[i],
                            String.join(" ", k.layout().names())));
                }
            }
            if (f.bytes == 0 && f.error == null) {
                r.note("empty file");
            }
            long[] before = f.format.counters(f.total);
            f.format.merge(f.total, f.file, 0);
            f.format.notes(f.total, before, r);
            f.onDone.accept(f.error);
        }
    }
}
