package org.paperwire.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.paper.Papers;

/** Issue 11: a command beside serve reads serve's index without its lock, and follows serve's commits. */
class ReadOnlyIndexTest {
    static final String MODEL = "bge-small-en-v1.5-q";

    @TempDir
    Path dir;

    private static int live(SearchIndex index) {
        return index.withSearcher(s -> s.getIndexReader().numDocs());
    }

    @Test
    void aReadOnlyIndexSeesEachNewCommitOfTheWriterAndItsChangeNumber() {
        try (SearchIndex writer = SearchIndex.open(dir, MODEL)) {
            writer.update(List.of(PaperDocuments.toDocument(Papers.paper("2501.00001", 1, "One"), null)), 7);
            try (SearchIndex reader = SearchIndex.openReadOnly(dir, MODEL)) {
                assertThat(reader.readOnly()).isTrue();
                assertThat(live(reader)).isEqualTo(1);
                assertThat(reader.seq()).isEqualTo(7);
                long generation = reader.generation();

                writer.update(List.of(PaperDocuments.toDocument(Papers.paper("2501.00002", 1, "Two"), null)), 9);

                assertThat(live(reader)).isEqualTo(2);
                assertThat(reader.seq()).isEqualTo(9);
                assertThat(reader.generation()).isGreaterThan(generation); // cached results are stale
            }
        }
    }

    @Test
    void aReadOnlyIndexRefusesWrites() {
        try (SearchIndex writer = SearchIndex.open(dir, MODEL);
                SearchIndex reader = SearchIndex.openReadOnly(dir, MODEL)) {
            assertThat(SearchIndex.inUse(dir)).isTrue();
            assertThatThrownBy(() -> reader.update(List.of(), 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
            assertThatThrownBy(reader::clear).isInstanceOf(IllegalStateException.class);
        }
        assertThat(SearchIndex.inUse(dir)).isFalse();
    }

    @Test
    void anIndexOfAnotherModelIsNamedWithBothModels() {
        try (SearchIndex writer = SearchIndex.open(dir, "all-minilm-l6-v2-q")) {
            writer.update(List.of(), 1);
            assertThatThrownBy(() -> SearchIndex.openReadOnly(dir, MODEL)).isInstanceOf(IndexLockedException.class)
                    .hasMessageContaining("all-minilm-l6-v2-q").hasMessageContaining(MODEL)
                    .hasMessageContaining("search.embedding-model");
        }
    }
}
