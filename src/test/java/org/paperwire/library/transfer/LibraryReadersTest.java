package org.paperwire.library.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, import: what each reader makes of the exports of Zotero, JabRef, Mendeley and Google Scholar; a
 * malformed entry fails alone, named by key and line, and the entries after it are read.
 */
class LibraryReadersTest {
    @Test
    void bibtexFindsArxivIdsWhereverExportsPutThemAndKeepsTitleOnlyEntries() {
        ParsedLibrary bib = LibraryFiles.read(Fixtures.file("zotero.bib"));
        assertThat(bib.entries()).extracting(LibraryEntry::key, LibraryEntry::arxivId).containsExactly(
                tuple("vaswani_attention_2017", "1706.03762"),
                tuple("eprintEntry", "hep-th/9901001"),
                tuple("doiOnly", "2301.01234"),
                tuple("Mendeley2019", "2302.00002"),
                tuple("scholar2021", "2101.00003"),
                tuple("howpublished2020", "2004.00004"),
                tuple("titleOnly", null),
                tuple("unknownTitle", null),
                tuple("parenthesised", "2305.00005"));
        LibraryEntry vaswani = bib.entries().getFirst();
        assertThat(vaswani.line()).isEqualTo(4);
        assertThat(vaswani.authors()).containsExactly("Ashish Vaswani", "Noam Shazeer");
        assertThat(vaswani.year()).isEqualTo(2017);
        assertThat(bib.entries().get(6).authors()).containsExactly("Kurt Gödel", "Alan Turing");
        assertThat(bib.read()).isEqualTo(11);
    }

    @Test
    void aMalformedBibtexEntryIsNamedByKeyAndLineAndLosesNothingAfterIt() {
        ParsedLibrary bib = LibraryFiles.read(Fixtures.file("zotero.bib"));
        assertThat(bib.failures()).extracting(EntryError::key, EntryError::line).containsExactly(
                tuple("missingBrace", 24), tuple("badField", 38));
        assertThat(bib.failures().get(0).message()).contains("not closed");
        assertThat(bib.failures().get(1).message()).contains("malformed BibTeX", "\"=\"");
        assertThat(bib.failures()).allSatisfy(f -> assertThat(f.file()).endsWith("zotero.bib"));
        assertThat(bib.entries()).extracting(LibraryEntry::key).contains("doiOnly", "Mendeley2019", "parenthesised");
    }

    @Test
    void biblatexReadsEprinttypeDateAndBracedNames() {
        ParsedLibrary bib = LibraryFiles.read(Fixtures.file("biblatex.bib"));
        assertThat(bib.failures()).isEmpty();
        assertThat(bib.entries()).extracting(LibraryEntry::key, LibraryEntry::arxivId, LibraryEntry::year).containsExactly(
                tuple("biblatexEprint", "2305.01234", 2023), tuple("biblatexTitle", null, 2022),
                tuple("pubmedEprint", null, null));
        assertThat(bib.entries().getFirst().authors())
                .containsExactly("Ada Lovelace", "The Analytical Engine Collaboration");
    }

    @Test
    void cslJsonReadsZoteroItemsAndABrokenItemFailsAlone() {
        ParsedLibrary csl = LibraryFiles.read(Fixtures.file("zotero.json"));
        assertThat(csl.entries()).extracting(LibraryEntry::key, LibraryEntry::arxivId, LibraryEntry::line).containsExactly(
                tuple("http://zotero.org/users/1/items/AAA", "1706.03762", 2),
                tuple("titleOnly", null, 25),
                tuple("keptById", "2409.00007", 33),
                tuple("unknownTitle", null, 39));
        assertThat(csl.entries().get(1).year()).isEqualTo(2022);
        assertThat(csl.entries().get(1).authors()).containsExactly("Kurt Gödel");
        assertThat(csl.entries().getFirst().year()).isEqualTo(2017);
        assertThat(csl.failures()).extracting(EntryError::key, EntryError::line).containsExactly(
                tuple("broken", 18), tuple("numberTitle", 20));
        assertThat(csl.failures().get(0).message()).startsWith("malformed JSON");
        assertThat(csl.failures().get(1).message()).contains("title is not a string");
    }

    @Test
    void anIdListTakesIdsUrlsVersionsAndDoisAndNamesTheBadLine() {
        ParsedLibrary ids = LibraryFiles.read(Fixtures.file("ids.txt"));
        assertThat(ids.entries()).extracting(LibraryEntry::arxivId, LibraryEntry::line).containsExactly(
                tuple("1706.03762", 2), tuple("2301.01234", 3), tuple("hep-th/9901001", 5), tuple("2302.00002", 6),
                tuple("2101.00003", 7), tuple("2409.00007", 9), tuple("math.GT/0309136", 10));
        assertThat(ids.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(8);
            assertThat(f.key()).isEqualTo("not an id at all");
        });
    }

    @Test
    void theFormatIsToldFromTheContentThenTheExtension() {
        assertThat(LibraryFormat.sniff("x.txt", "\uFEFF  [ {\"id\": 1} ]")).isEqualTo(LibraryFormat.CSL_JSON);
        assertThat(LibraryFormat.sniff("export.json", "% JabRef\n@Article{k, title={t}}")).isEqualTo(LibraryFormat.BIBTEX);
        assertThat(LibraryFormat.sniff("list", "2301.01234\n")).isEqualTo(LibraryFormat.ID_LIST);
        assertThat(LibraryFormat.sniff("empty.bib", "")).isEqualTo(LibraryFormat.BIBTEX);
        assertThat(LibraryFormat.sniff("empty.json", " ")).isEqualTo(LibraryFormat.CSL_JSON);
    }

    @Test
    void arxivReferencesAreFoundInTheirUsualDisguises() {
        for (String ref : List.of("2301.01234", "2301.01234v12", "arXiv:2301.01234", "ARXIV: 2301.01234v2",
                "https://arxiv.org/abs/2301.01234v2", "arxiv.org/pdf/2301.01234.pdf", "https://www.arxiv.org/html/2301.01234v1",
                "10.48550/arXiv.2301.01234", "https://doi.org/10.48550/ARXIV.2301.01234", "doi:10.48550/arXiv.2301.01234")) {
            assertThat(ArxivRefs.exact(ref)).as(ref).contains("2301.01234");
        }
        assertThat(ArxivRefs.exact("HEP-TH/9901001v2")).contains("hep-th/9901001");
        assertThat(ArxivRefs.inText("arXiv preprint arXiv:1706.03762, 2017")).contains("1706.03762");
        assertThat(ArxivRefs.inText("see arXiv:2301.012345")).isEmpty();
        assertThat(ArxivRefs.exact("https://example.org/abs/2301.01234")).isEmpty();
        assertThat(ArxivRefs.fromDoi("10.1103/PhysRevD.1.1")).isEmpty();
    }
}
