package org.paperwire.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of papers in one folder: one writer (holding the folder's lock) and near-real-time
 * searchers. Each commit records the store change number it is complete up to and the embedding model its
 * vectors come from; a different model on open starts the index afresh (vectors of two models don't mix).
 *
 * <p>A command beside a running {@code serve} opens serve's index {@link #openReadOnly read-only}: no writer and
 * no lock, searchers that move to serve's newest commit before each search (serve's follower keeps it current),
 * and every write refused.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /**
     * BM25 with Anserini's BEIR parameters (k1 0.9, b 0.4), chosen from the literature rather than tuned here:
     * abstracts are short and of even length, so a weaker length normalisation suits them.
     */
    public static final Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);
    /**
     * The share of deleted copies above which {@link #reclaimDeletes} merges: Lucene's own threshold for a
     * segment in {@code forceMergeDeletes} (TieredMergePolicy's default), applied to the whole index.
     */
    public static final double RECLAIM_ABOVE = 0.10;
    private static final String SEQ = "paperwire.seq";
    private static final String MODEL = "paperwire.embedding-model";

    private final Path folder;
    private final String modelId;
    private final Directory directory;
    /** Null when read-only. */
    private final IndexWriter writer;
    private final ConcurrentMergeScheduler merges;
    private final SearcherManager searchers;
    private final Analyzer analyzer = PaperDocuments.analyzer();
    private volatile long seq;
    /** Counts commits (papers, vectors, a rebuild): anything cached from search results is stale once it moves. */
    private final AtomicLong generation = new AtomicLong();

    private SearchIndex(Path folder, String modelId, Directory directory, IndexWriter writer,
            ConcurrentMergeScheduler merges, long seq) throws IOException {
        this.folder = folder;
        this.modelId = modelId;
        this.directory = directory;
        this.writer = writer;
        this.merges = merges;
        this.seq = seq;
        this.searchers = writer != null ? new SearcherManager(writer, SEARCHERS)
                : new SearcherManager(directory, SEARCHERS);
        if (writer == null) {
            searchers.addListener(new ReferenceManager.RefreshListener() {
                @Override
                public void beforeRefresh() {}

                @Override
                public void afterRefresh(boolean didRefresh) {
                    if (didRefresh) {
                        generation.incrementAndGet();
                    }
                }
            });
        }
    }

    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(SIMILARITY);
            return searcher;
        }
    };

    /**
     * Opens (creating if needed) the index in {@code folder} for vectors of {@code modelId} (an embedder's
     * cache key: model and truncation).
     *
     * @throws IndexLockedException when another process holds the folder
     */
    public static SearchIndex open(Path folder, String modelId) {
        Directory directory = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            Map<String, String> committed = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            boolean sameModel = modelId.equals(committed.get(MODEL));
            ConcurrentMergeScheduler merges = new ConcurrentMergeScheduler();
            IndexWriterConfig config = new IndexWriterConfig(PaperDocuments.analyzer())
                    .setSimilarity(SIMILARITY)
                    .setMergeScheduler(merges)
                    .setRAMBufferSizeMB(64)
                    .setOpenMode(sameModel ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
            IndexWriter writer = new IndexWriter(directory, config);
            long seq = sameModel ? Long.parseLong(committed.getOrDefault(SEQ, "0")) : 0;
            SearchIndex index = new SearchIndex(folder, modelId, directory, writer, merges, seq);
            if (!sameModel) { // a new index: commit it empty, so a command beside this process can read it at once
                synchronized (index) {
                    index.commit();
                }
            }
            return index;
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new IndexLockedException(folder, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the index in {@code folder} that another process (a running {@code serve}) holds and writes, for
     * reading only: its latest commit, and each newer one as it comes. Takes no lock.
     *
     * @throws IndexLockedException when that index holds vectors of another model than {@code modelId} (its
     *     semantic scores would be meaningless) or has no commit yet
     */
    public static SearchIndex openReadOnly(Path folder, String modelId) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(folder);
            if (!DirectoryReader.indexExists(directory)) {
                throw new IndexLockedException(folder, "has no commit yet (the process holding it has just"
                        + " started?); try again in a moment");
            }
            String committed = SegmentInfos.readLatestCommit(directory).getUserData().get(MODEL);
            if (!modelId.equals(committed)) {
                throw new IndexLockedException(folder, "holds vectors of the embedding model " + committed
                        + ", not this command's " + modelId + ": run the command with the configuration of the"
                        + " process holding the index (search.embedding-model)");
            }
            SearchIndex index = new SearchIndex(folder, modelId, directory, null, null, 0);
            index.seq = index.withSearcher(SearchIndex::committedSeq);
            return index;
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the search index in " + folder + " read-only: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(directory);
            throw e;
        }
    }

    /**
     * Whether another process holds the index folder's write lock (a running {@code serve} or {@code reindex});
     * false for a folder with no index yet.
     */
    public static boolean inUse(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(folder);
                Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            return false;
        } catch (LockObtainFailedException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of the search index in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /** True when opened by {@link #openReadOnly}: another process writes this index, and writes here fail. */
    public boolean readOnly() {
        return writer == null;
    }

    private static long committedSeq(IndexSearcher searcher) throws IOException {
        String seq = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData().get(SEQ);
        return seq == null ? 0 : Long.parseLong(seq);
    }

    private void requireWriter() {
        if (writer == null) {
            throw new IllegalStateException("the search index in " + folder + " is open read-only (another process"
                    + " writes it); this process must not write it");
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The store change number this index is complete up to. */
    public long seq() {
        return seq;
    }

    /** A number that changes whenever the index does (in this process). */
    public long generation() {
        return generation.get();
    }

    /** Adds or replaces documents by paper id; with {@code upToSeq} > 0, commits that the store is indexed up to it. */
    public synchronized void update(List<Document> documents, long upToSeq) {
        requireWriter();
        try {
            for (Document doc : documents) {
                writer.updateDocument(new Term(PaperDocuments.ID, doc.get(PaperDocuments.ID)), doc);
            }
            if (upToSeq > seq) {
                seq = upToSeq;
            }
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Empties the index (for a rebuild from the store). */
    public synchronized void clear() {
        requireWriter();
        try {
            writer.deleteAll();
            seq = 0;
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index in " + folder, e);
        }
    }

    /** How many segments the index has and how many of its documents are deleted copies, as searchers see it now. */
    public record Shape(int segments, int liveDocs, int deletedDocs) {
        /** Deleted documents over all documents the segments hold (0 for an empty index). */
        public double deletedRatio() {
            int all = liveDocs + deletedDocs;
            return all == 0 ? 0 : (double) deletedDocs / all;
        }
    }

    public Shape shape() {
        return withSearcher(s -> {
            IndexReader reader = s.getIndexReader();
            return new Shape(reader.leaves().size(), reader.numDocs(), reader.numDeletedDocs());
        });
    }

    /**
     * Merges deleted documents away when more than {@link #RECLAIM_ABOVE} of the index are deleted copies (each
     * re-index of a paper leaves one until a merge drops it); returns the shape afterwards. Blocks until done.
     */
    public Shape reclaimDeletes() {
        Shape before = shape();
        if (before.deletedRatio() <= RECLAIM_ABOVE) {
            return before;
        }
        requireWriter();
        long start = System.nanoTime();
        try {
            merges.sync(); // a segment in a running merge is passed over by forceMergeDeletes: let those finish
            writer.forceMergeDeletes(true); // the writer is thread-safe: updates may go on while it merges
            synchronized (this) {
                commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge deleted documents away in " + folder + ": " + e.getMessage(), e);
        }
        Shape after = shape();
        log.info("search index: merged {} deleted documents away in {} ms; {} segments, {} deleted now",
                before.deletedDocs() - after.deletedDocs(), (System.nanoTime() - start) / 1_000_000,
                after.segments(), after.deletedDocs());
        return after;
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq), MODEL, modelId).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
        generation.incrementAndGet();
    }

    /** Runs {@code work} on a current searcher and releases it. */
    public <T> T withSearcher(SearcherWork<T> work) {
        try {
            if (writer == null) {
                refreshFromCommits();
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Read-only: moves to the holder's newest commit, if it made one (a look at the folder's listing). */
    private void refreshFromCommits() throws IOException {
        if (searchers.maybeRefresh()) {
            IndexSearcher searcher = searchers.acquire();
            try {
                seq = committedSeq(searcher);
            } finally {
                searchers.release(searcher);
            }
        }
    }

    /** A read of the index. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Bytes the index takes on disk. */
    public long sizeBytes() {
        try (var files = Files.list(folder)) {
            List<Path> all = new ArrayList<>(files.toList());
            long total = 0;
            for (Path p : all) {
                total += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + folder, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException suppressed) {
                // the original failure is the one to report
            }
        }
    }
}
