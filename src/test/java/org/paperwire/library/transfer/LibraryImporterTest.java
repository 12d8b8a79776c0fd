package org.paperwire.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.Database;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.JdbcPaperStore;

/** Issue 10, import: every outcome of an import against a real store, and the report it gives. */
class LibraryImporterTest {
    static final String ADA = "ada@example.org";

    @TempDir
    Path dir;
    Database db;
    PaperStore store;
    MemoryLibrary library = new MemoryLibrary(ADA);
    LibraryImporter importer;

    static Paper paper(String id, String title, String firstAuthor, int year) {
        Instant submitted = LocalDate.of(year, 3, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        return new Paper(id, 1, title, "Abstract.", List.of(firstAuthor, "Second Author"), List.of("cs.LG", "stat.ML"),
                null, null, null, submitted, submitted, LocalDate.of(year, 3, 2));
    }

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        store = new JdbcPaperStore(db.dataSource(), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        store.upsertAll(List.of(
                paper("1706.03762", "Attention Is All\n  You Need", "Ashish Vaswani", 2017),
                paper("hep-th/9901001", "Strings on a lattice", "Edward Witten", 1999),
                paper("2301.01234", "Something", "Some One", 2023),
                paper("2302.00002", "Mendeley entry", "Emmy Noether", 2019),
                paper("2101.00003", "Scholar style", "Marie Curie", 2021),
                paper("2004.00004", "Found through howpublished", "A B", 2020),
                paper("2305.00005", "Parentheses instead of braces", "C D", 2023),
                paper("math.GT/0309136", "Knots", "E F", 2003),
                paper("2201.00010", "Schr\\\"odinger Bridges and $\\alpha$-Divergences", "Kurt G\\\"odel", 2022)));
        importer = new LibraryImporter(store, library);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBibtexExportIsMatchedByIdAndTitleAndMalformedEntriesAreReportedByKeyAndLine() {
        ImportReport r = importer.importFiles(ADA, null, List.of(Fixtures.file("zotero.bib")));
        assertThat(List.of(r.read(), r.matched(), r.kept(), r.unmatched(), r.failed())).containsExactly(11, 8, 0, 1, 2);
        assertThat(r.read()).isEqualTo(r.matched() + r.unmatched() + r.failed());
        assertThat(r.errors()).extracting(EntryError::key, EntryError::line)
                .containsExactly(tuple("missingBrace", 24), tuple("badField", 38));
        assertThat(r.unmatchedEntries()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("unknownTitle");
            assertThat(e.message()).contains("A Book Nobody Put on arXiv");
        });
        assertThat(library.ids(ADA, LibraryItems.DEFAULT_COLLECTION)).containsExactly("1706.03762", "hep-th/9901001",
                "2301.01234", "2302.00002", "2101.00003", "2004.00004", "2201.00010", "2305.00005");
    }

    @Test
    void anIdNotInTheStoreYetIsKeptAndCountsAsMatched() {
        ImportReport r = importer.importFiles(ADA, "Reading", List.of(Fixtures.file("zotero.json"), Fixtures.file("biblatex.bib")));
        assertThat(List.of(r.read(), r.matched(), r.kept(), r.unmatched(), r.failed())).containsExactly(9, 5, 2, 2, 2);
        assertThat(r.errors()).extracting(EntryError::file).allSatisfy(f -> assertThat(f).endsWith("zotero.json"));
        assertThat(r.unmatchedEntries()).extracting(EntryError::key).containsExactly("unknownTitle", "pubmedEprint");
        assertThat(library.ids(ADA, "Reading"))
                .containsExactly("1706.03762", "2201.00010", "2409.00007", "2305.01234");
        assertThat(r.saved()).isEqualTo(4);
        assertThat(r.asMap()).containsKeys("read", "matched", "unmatched", "failed", "errors");
    }

    @Test
    void anIdListSavesEveryIdOnceAndNamesTheBadLine() {
        ImportReport r = importer.importFiles(ADA, null, List.of(Fixtures.file("ids.txt"), Fixtures.file("ids.txt")));
        assertThat(List.of(r.read(), r.matched(), r.kept(), r.unmatched(), r.failed())).containsExactly(16, 14, 2, 0, 2);
        assertThat(r.saved()).isEqualTo(7);
        assertThat(r.errors()).extracting(EntryError::line, EntryError::key)
                .containsOnly(tuple(8, "not an id at all"));
    }

    @Test
    void aTitleSharedByPapersIsNarrowedByYearAndOtherwiseLeftUnmatched() throws Exception {
        store.upsertAll(List.of(paper("2001.00001", "A Survey", "Ann Old", 2020), paper("2401.00001", "A survey.", "Bo New", 2024)));
        Path bib = Files.writeString(dir.resolve("survey.bib"), """
                @article{byYear, title = {A {Survey}}, year = 2024}
                @article{byAuthor, title = {A Survey}, author = {Old, Ann}}
                @article{neither, title = {A Survey}}
                """);
        ImportReport r = importer.importFiles(ADA, null, List.of(bib));
        assertThat(List.of(r.matched(), r.unmatched())).containsExactly(2, 1);
        assertThat(library.ids(ADA, LibraryItems.DEFAULT_COLLECTION)).containsExactly("2401.00001", "2001.00001");
        assertThat(r.unmatchedEntries()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("neither");
            assertThat(e.message()).contains("2001.00001, 2401.00001");
        });
    }

    @Test
    void anUnknownReaderIsNamedAndNothingIsRead() {
        assertThatThrownBy(() -> importer.importFiles("nobody@example.org", null, List.of(Fixtures.file("ids.txt"))))
                .isInstanceOf(LibraryException.class).hasMessageContaining("nobody@example.org");
    }

    @Test
    void aBadFileIsNamedAndNothingIsSaved() throws Exception {
        Path missing = dir.resolve("missing.bib");
        assertThatThrownBy(() -> importer.importFiles(ADA, null, List.of(Fixtures.file("ids.txt"), missing)))
                .isInstanceOf(LibraryFileException.class).hasMessageContaining(missing.toString());
        Path binary = Files.write(dir.resolve("paper.pdf"), new byte[] {'%', 'P', 'D', 'F', (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> importer.importFiles(ADA, null, List.of(binary)))
                .isInstanceOf(LibraryFileException.class).hasMessageContaining(binary + " is not UTF-8");
        Path prose = Files.writeString(dir.resolve("notes.txt"), "Dear reader,\nthese are my notes.\n");
        assertThatThrownBy(() -> importer.importFiles(ADA, null, List.of(prose)))
                .isInstanceOf(LibraryFileException.class).hasMessageContaining(prose + " is not a BibTeX");
        assertThat(library.collections.get(ADA)).isEmpty();
    }
}
