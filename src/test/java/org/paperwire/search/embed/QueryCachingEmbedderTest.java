package org.paperwire.search.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.search.WordHashEmbedder;

/** Issue 9, finding 5: a query asked again runs the model once; the cache stays within its bytes. */
class QueryCachingEmbedderTest {
    @Test
    void aRepeatedQueryRunsTheModelOnceAndGetsTheSameVector() {
        CountingEmbedder model = new CountingEmbedder(new WordHashEmbedder());
        QueryCachingEmbedder cached = new QueryCachingEmbedder(model, QueryCachingEmbedder.DEFAULT_BYTES);
        float[] first = cached.embedQuery("graph neural networks");
        first[0] = 42; // a caller scribbling on its copy changes nothing for the next one
        float[] second = cached.embedQuery("graph neural networks");
        assertThat(model.queries).hasValue(1);
        assertThat(second).isEqualTo(new WordHashEmbedder().embedQuery("graph neural networks"));
        cached.embedQuery("speech recognition");
        assertThat(model.queries).hasValue(2);
        cached.embedDocuments(List.of("a", "b"));
        assertThat(model.documents).as("documents are never cached here").hasValue(2);
    }

    @Test
    void theCacheIsBoundedByBytes() {
        CountingEmbedder model = new CountingEmbedder(new WordHashEmbedder());
        QueryCachingEmbedder cached = new QueryCachingEmbedder(model, 10_000); // room for a few 64-d vectors
        for (int i = 0; i < 200; i++) {
            cached.embedQuery("query number " + i);
        }
        int before = model.queries.get();
        for (int i = 0; i < 200; i++) {
            cached.embedQuery("query number " + i);
        }
        assertThat(model.queries.get() - before).as("most were evicted").isGreaterThan(150);
    }
}
