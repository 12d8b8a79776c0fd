package org.paperwire.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.JdbcPaperStore;

/** Issue 10, export: BibTeX and CSL-JSON that reference managers read, and that Paperwire imports back whole. */
class LibraryExporterTest {
    static final String ADA = "ada@example.org";

    @TempDir
    Path dir;
    Database db;
    PaperStore store;
    MemoryLibrary library = new MemoryLibrary(ADA);
    LibraryExporter exporter;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        store = new JdbcPaperStore(db.dataSource(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        store.upsertAll(List.of(
                LibraryImporterTest.paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017),
                LibraryImporterTest.paper("hep-th/9901001", "Strings & Branes: 100% of {N}=4 for $x_1$ and c_2 #1",
                        "Ludwig van Beethoven", 1999),
                LibraryImporterTest.paper("2201.00010", "Unbalanced {brace and a lone $ sign", "Kurt G\u00f6del", 2022),
                LibraryImporterTest.paper("2202.00011", "Attention Is All You Need", "Ashish Vaswani", 2022)));
        library.addAll(ADA, "Library", List.of("1706.03762", "hep-th/9901001", "2409.00007"));
        library.addAll(ADA, "Odd", List.of("2201.00010", "2202.00011"));
        exporter = new LibraryExporter(store, library);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bibtexCarriesTheArxivFieldsAndEscapesWhatTexWouldMisread() {
        String bib = exporter.export(ADA, "Library", ExportFormat.BIBTEX);
        assertThat(bib).contains("@misc{vaswani2017attention,", "  eprint = {1706.03762},", "  archivePrefix = {arXiv},",
                "  primaryClass = {cs.LG},", "  url = {https://arxiv.org/abs/1706.03762},",
                "  doi = {10.48550/arXiv.1706.03762},", "  author = {Ashish Vaswani and Second Author},", "  year = {2017},");
        assertThat(bib).contains("title = {Strings \\& Branes: 100\\% of {N}=4 for $x_1$ and c\\_2 \\#1}");
        assertThat(bib).contains("@misc{arxiv240900007,\n  eprint = {2409.00007},");
        assertThat(exporter.export(ADA, "Odd", ExportFormat.BIBTEX))
                .contains("title = {Unbalanced \\textbraceleft{}brace and a lone \\$ sign}", "@misc{vaswani2022attention,");
    }

    @Test
    void cslJsonIsZoteroShaped() throws Exception {
        JsonNode items = new ObjectMapper().readTree(exporter.export(ADA, "Library", ExportFormat.CSL_JSON));
        assertThat(items).hasSize(3);
        JsonNode first = items.get(0);
        assertThat(first.path("type").asText()).isEqualTo("article");
        assertThat(first.path("title").asText()).isEqualTo("Attention Is All You Need");
        assertThat(first.path("number").asText()).isEqualTo("1706.03762");
        assertThat(first.path("DOI").asText()).isEqualTo("10.48550/arXiv.1706.03762");
        assertThat(first.path("URL").asText()).isEqualTo("https://arxiv.org/abs/1706.03762");
        assertThat(first.path("author").get(0).path("family").asText()).isEqualTo("Vaswani");
        assertThat(first.path("author").get(0).path("given").asText()).isEqualTo("Ashish");
        assertThat(first.path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(2017);
        assertThat(items.get(1).path("author").get(0).path("family").asText()).isEqualTo("van Beethoven");
        assertThat(items.get(2).path("number").asText()).isEqualTo("2409.00007");
    }

    @Test
    void anExportImportsBackWithEveryEntryMatched() throws Exception {
        LibraryImporter importer = new LibraryImporter(store, library);
        for (ExportFormat format : ExportFormat.values()) {
            Path file = Files.writeString(dir.resolve("export-" + format.label()), exporter.export(ADA, null, format));
            ImportReport r = importer.importFiles(ADA, "Back " + format.label(), List.of(file));
            assertThat(List.of(r.read(), r.matched(), r.kept(), r.unmatched(), r.failed()))
                    .as(format.label()).containsExactly(5, 5, 1, 0, 0);
            assertThat(library.ids(ADA, "Back " + format.label()))
                    .containsExactly("1706.03762", "hep-th/9901001", "2409.00007", "2201.00010", "2202.00011");
        }
    }

    @Test
    void anUnknownReaderOrCollectionIsNamed() {
        assertThatThrownBy(() -> exporter.export("eve@example.org", null, ExportFormat.BIBTEX))
                .isInstanceOf(LibraryException.class).hasMessageContaining("eve@example.org");
        assertThatThrownBy(() -> exporter.export(ADA, "Nope", ExportFormat.BIBTEX))
                .isInstanceOf(LibraryException.class).hasMessageContaining("'Nope'");
    }
}
