package org.paperwire.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.paper.Paper;

class ClozeCollectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String abstractOf(int n) {
        return "Background sentence number one about topic " + n + ". A second sentence sets up the problem well. "
                + "We propose a method\nthat handles the issue in paper " + n + ". "
                + "Our experiments on five benchmarks show that the method improves accuracy by a wide margin " + n + ". "
                + "Code is available at https://example.org/" + n + ". "
                + "Finally we discuss the limitations of this approach for the community in case " + n + ".";
    }

    private void listing(String day, int from, int to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(day + ".jsonl.gz")))) {
            for (int n = from; n < to; n++) {
                String line = JSON.writeValueAsString(Map.of("id", String.format("2506.%05d", n), "title", "Paper " + n,
                        "summary", abstractOf(n), "authors", List.of("A. Author"), "categories", List.of("cs.LG"))) + "\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aSentenceFromTheSecondHalfBecomesTheQueryAndLeavesItsPaper() throws IOException {
        listing("2025-05-30", 900, 905); // before the first day: not read
        listing("2025-06-02", 0, 20);
        listing("2025-06-03", 10, 40); // 10..19 repeat: the first occurrence counts

        BeirDataset cloze = ClozeCollection.build(dir, 30, 6);

        assertThat(cloze.corpus()).hasSize(30).extracting(Paper::id).doesNotContain("2506.00900");
        assertThat(cloze.queries()).hasSize(6);
        for (Map.Entry<String, String> q : cloze.queries().entrySet()) {
            String relevant = cloze.qrels().get(q.getKey()).keySet().iterator().next();
            Paper paper = cloze.corpus().stream().filter(p -> p.id().equals(relevant)).findFirst().orElseThrow();
            String original = abstractOf(Integer.parseInt(relevant.substring(5))).replaceAll("\\s+", " ");
            assertThat(original).contains(q.getValue());
            assertThat(paper.abstractText()).doesNotContain(q.getValue());
            assertThat(q.getValue()).doesNotContain("http").doesNotStartWith("Background").doesNotStartWith("A second");
        }
        long untouched = cloze.corpus().stream()
                .filter(p -> p.abstractText().equals(abstractOf(Integer.parseInt(p.id().substring(5))).replaceAll("\\s+", " ")))
                .count();
        assertThat(untouched).isEqualTo(24);
        assertThat(ClozeCollection.build(dir, 30, 6)).isEqualTo(cloze);
    }

    @Test
    void aFolderWithoutListingsIsNamed() {
        assertThatThrownBy(() -> ClozeCollection.build(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("YYYY-MM-DD.jsonl.gz");
    }
}
