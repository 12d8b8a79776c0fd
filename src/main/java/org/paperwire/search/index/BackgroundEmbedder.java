package org.paperwire.search.index;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.paperwire.schedule.NodeId;
import org.paperwire.paper.PaperStore;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingLeases;
import org.paperwire.search.embed.EmbeddingText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the vectors of indexed papers that have none yet, newest papers first, caches them and gets them into
 * the index. Keyword search works throughout; semantic search covers more papers as it goes.
 *
 * <p>Several embedders may share one store (nodes on one PostgreSQL, or a command beside {@code serve}); each
 * vector is still computed once. A round leases its papers in the store first ({@link EmbeddingLeases}) and
 * embeds only those it got; papers another embedder holds are passed over until that lease ends (their vectors
 * usually arrive through the change feed before). After embedding, the round caches the vectors and gives the
 * papers new change numbers, so every node's {@link IndexFollower} re-indexes them with their vectors, then
 * releases the leases. A leased paper whose vector is already cached (another embedder finished it, and this
 * index has not followed yet) is re-indexed here without being embedded again.
 *
 * <p>On an index open {@linkplain SearchIndex#readOnly() read-only} ({@code reindex --embed} beside a running
 * {@code serve}) nothing is written to the index: settled papers, those found cached too, are only renumbered, and
 * the holder's follower re-indexes them with their vectors. Until the holder's index shows them embedded, this
 * embedder passes over the papers it settled, so it neither embeds one twice nor waits for the holder.
 */
public final class BackgroundEmbedder {
    private static final Logger log = LoggerFactory.getLogger(BackgroundEmbedder.class);
    /** Papers per round: enough for full model batches, few enough that new papers are not kept waiting. */
    static final int ROUND = 256;
    /**
     * How long a round's leases last: far longer than a round takes (256 papers, seconds to a minute on a CPU), so
     * a live holder never loses them, and short enough that a killed node's papers are soon taken by another.
     */
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final SearchIndex index;
    private final IndexFollower follower;
    private final PaperStore papers;
    private final Embedder embedder;
    private final EmbeddingCache cache;
    private final EmbeddingLeases leases;
    private final InstantSource clock;
    private final String holder = NodeId.create().value(); // unique even for two engines in one JVM (tests)
    /** Pending papers that other embedders hold, with the end of their leases: passed over until then. */
    private final Map<String, Instant> heldElsewhere = new HashMap<>();
    /** Read-only index: papers settled here that the holder's index has not re-indexed yet. */
    private final Set<String> settledHere = new HashSet<>();

    public BackgroundEmbedder(SearchIndex index, IndexFollower follower, PaperStore papers, Embedder embedder,
            EmbeddingCache cache, EmbeddingLeases leases, InstantSource clock) {
        this.index = index;
        this.follower = follower;
        this.papers = papers;
        this.embedder = embedder;
        this.cache = cache;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Papers in this node's index still waiting for a vector, including those another node is embedding now (they
     * leave this count when this index follows their new change numbers).
     */
    public long backlog() {
        return index.withSearcher(s -> (long) s.count(pendingQuery(List.of())));
    }

    /** This embedder's name in the lease table. */
    public String holder() {
        return holder;
    }

    /**
     * Gets the vectors of one round of pending papers into the index, embedding those not cached yet; returns how
     * many papers it settled (0 when none are pending, or every pending paper is leased by another embedder).
     */
    public synchronized int runRound() {
        while (!Thread.currentThread().isInterrupted()) {
            Instant now = clock.instant();
            heldElsewhere.values().removeIf(until -> !until.isAfter(now));
            forgetFollowed();
            Map<String, String> pending = pending(ROUND);
            if (pending.isEmpty()) {
                return 0;
            }
            EmbeddingLeases.Taken taken = leases.take(embedder.cacheKey(), List.copyOf(pending.keySet()), holder, now,
                    now.plus(LEASE));
            heldElsewhere.putAll(taken.heldUntil());
            if (!taken.mine().isEmpty()) {
                try {
                    Map<String, String> mine = new LinkedHashMap<>();
                    taken.mine().forEach(id -> mine.put(id, pending.get(id)));
                    return settle(mine);
                } finally {
                    leases.release(embedder.cacheKey(), taken.mine(), holder);
                }
            }
            if (taken.heldUntil().isEmpty()) {
                return 0; // leases released between the two reads of take: the next round gets them
            }
            log.debug("{} pending papers are being embedded elsewhere; looking further", taken.heldUntil().size());
        }
        return 0;
    }

    /** Embeds the leased papers whose vectors are not cached yet and brings all of them into the index. */
    private int settle(Map<String, String> texts) {
        List<String> found = embedMissing(texts);
        if (index.readOnly()) {
            papers.renumber(found); // the holder re-indexes these too, whoever embedded them (it may have died first)
            settledHere.addAll(texts.keySet());
            return texts.size();
        }
        if (!found.isEmpty()) {
            follower.refresh(found); // their embedder renumbered them (or died first): this index only needs them
        }
        follower.catchUp();
        return texts.size();
    }

    /**
     * Embeds and caches the vectors of these papers that are not cached yet and renumbers those papers; returns
     * the ids of the papers whose vectors were cached already.
     */
    private List<String> embedMissing(Map<String, String> texts) {
        Map<String, float[]> cached = cache.getAll(embedder.cacheKey(),
                texts.values().stream().map(EmbeddingCache::hash).distinct().toList());
        List<String> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> toEmbed = new ArrayList<>();
        texts.forEach((id, text) -> {
            if (cached.containsKey(EmbeddingCache.hash(text))) {
                found.add(id);
            } else {
                ids.add(id);
                toEmbed.add(text);
            }
        });
        if (!ids.isEmpty()) {
            List<float[]> vectors = embedder.embedDocuments(toEmbed);
            Map<String, float[]> byHash = new HashMap<>();
            for (int i = 0; i < toEmbed.size(); i++) {
                byHash.put(EmbeddingCache.hash(toEmbed.get(i)), vectors.get(i));
            }
            cache.putAll(embedder.cacheKey(), byHash);
            papers.renumber(ids); // every node's follower, this one's too, now re-indexes them with their vectors
        }
        return found;
    }

    /** Read-only index: forgets the settled papers the holder's index now has with their vectors. */
    private void forgetFollowed() {
        if (settledHere.isEmpty()) {
            return;
        }
        Set<String> stillPending = index.withSearcher(s -> {
            Query q = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(PaperDocuments.VECTOR_STATE, PaperDocuments.PENDING)), BooleanClause.Occur.FILTER)
                    .add(new TermInSetQuery(PaperDocuments.ID, settledHere.stream().map(BytesRef::new).toList()),
                            BooleanClause.Occur.FILTER)
                    .build();
            StoredFields stored = s.storedFields();
            Set<String> ids = new HashSet<>();
            for (ScoreDoc hit : s.search(q, settledHere.size()).scoreDocs) {
                ids.add(stored.document(hit.doc).get(PaperDocuments.ID));
            }
            return ids;
        });
        settledHere.retainAll(stillPending);
    }

    /** Embeds until nothing is pending; returns the number of papers settled. */
    public long drain() {
        return drain(Long.MAX_VALUE);
    }

    /**
     * Embeds the newest pending papers until nothing this embedder may lease is pending or about {@code max} are
     * done (whole rounds).
     */
    public long drain(long max) {
        long total = 0;
        long before = backlog();
        for (int n = max > 0 ? runRound() : 0; n > 0 && !Thread.currentThread().isInterrupted();
                n = total < max ? runRound() : 0) {
            total += n;
            if (index.readOnly()) {
                continue; // the holder's index takes the vectors later; papers settled here are passed over meanwhile
            }
            long now = backlog();
            if (now >= before) {
                log.warn("embedding made no progress ({} papers still pending); stopping this round", now);
                break; // a paper that left the store cannot be re-indexed; don't spin on it
            }
            before = now;
            log.debug("embedded {} papers, {} pending", total, now);
        }
        if (total > 0 && !index.readOnly()) {
            index.reclaimDeletes(); // the first pass re-adds every paper: without this, search pays for each old copy
        }
        return total;
    }

    private Map<String, String> pending(int limit) {
        return index.withSearcher(s -> {
            Set<String> except = new HashSet<>(heldElsewhere.keySet());
            except.addAll(settledHere);
            TopDocs top = s.search(pendingQuery(except), limit, PaperDocuments.NEWEST_FIRST);
            StoredFields stored = s.storedFields();
            Map<String, String> texts = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc);
                texts.put(doc.get(PaperDocuments.ID),
                        EmbeddingText.of(doc.get(PaperDocuments.TITLE), doc.get(PaperDocuments.ABSTRACT)));
            }
            return texts;
        });
    }

    /** Papers without a vector, less {@code except}. */
    private static Query pendingQuery(Collection<String> except) {
        TermQuery pending = new TermQuery(new Term(PaperDocuments.VECTOR_STATE, PaperDocuments.PENDING));
        if (except.isEmpty()) {
            return pending;
        }
        return new BooleanQuery.Builder()
                .add(pending, BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(PaperDocuments.ID, except.stream().map(BytesRef::new).toList()),
                        BooleanClause.Occur.MUST_NOT)
                .build();
    }
}
