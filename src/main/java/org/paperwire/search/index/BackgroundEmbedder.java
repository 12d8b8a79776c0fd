package org.paperwire.search.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.document.Document;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the vectors of indexed papers that have none yet, newest papers first, caches them and
 * re-indexes those papers. Keyword search works throughout; semantic search covers more papers as it goes.
 */
public final class BackgroundEmbedder {
    private static final Logger log = LoggerFactory.getLogger(BackgroundEmbedder.class);
    /** Papers per round: enough for full model batches, few enough that new papers are not kept waiting. */
    static final int ROUND = 256;

    private final SearchIndex index;
    private final IndexFollower follower;
    private final Embedder embedder;
    private final EmbeddingCache cache;

    public BackgroundEmbedder(SearchIndex index, IndexFollower follower, Embedder embedder, EmbeddingCache cache) {
        this.index = index;
        this.follower = follower;
        this.embedder = embedder;
        this.cache = cache;
    }

    /** Papers in the index still waiting for a vector. */
    public long backlog() {
        return index.withSearcher(s -> (long) s.count(pendingQuery()));
    }

    /** Embeds one round of pending papers; returns how many it embedded (0 when none are pending). */
    public int runRound() {
        Map<String, String> pending = pending(ROUND);
        if (pending.isEmpty()) {
            return 0;
        }
        List<String> ids = new ArrayList<>(pending.keySet());
        List<String> texts = ids.stream().map(pending::get).toList();
        List<float[]> vectors = embedder.embedDocuments(texts);
        Map<String, float[]> byHash = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byHash.put(EmbeddingCache.hash(texts.get(i)), vectors.get(i));
        }
        cache.putAll(embedder.cacheKey(), byHash);
        follower.refresh(ids);
        return ids.size();
    }

    /** Embeds until nothing is pending; returns the number embedded. */
    public long drain() {
        return drain(Long.MAX_VALUE);
    }

    /** Embeds the newest pending papers until nothing is pending or about {@code max} are done (whole rounds). */
    public long drain(long max) {
        long total = 0;
        long before = backlog();
        for (int n = max > 0 ? runRound() : 0; n > 0 && !Thread.currentThread().isInterrupted();
                n = total < max ? runRound() : 0) {
            total += n;
            long now = backlog();
            if (now >= before) {
                log.warn("embedding made no progress ({} papers still pending); stopping this round", now);
                break; // a paper that left the store cannot be re-indexed; don't spin on it
            }
            before = now;
            log.debug("embedded {} papers, {} pending", total, now);
        }
        if (total > 0) {
            index.reclaimDeletes(); // the first pass re-adds every paper: without this, search pays for each old copy
        }
        return total;
    }

    private Map<String, String> pending(int limit) {
        return index.withSearcher(s -> {
            TopDocs top = s.search(pendingQuery(), limit, PaperDocuments.NEWEST_FIRST);
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

    private static TermQuery pendingQuery() {
        return new TermQuery(new Term(PaperDocuments.VECTOR_STATE, PaperDocuments.PENDING));
    }
}
