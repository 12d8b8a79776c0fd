package org.paperwire.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paperwire.ingest.bulk.BulkStore.fixture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.db.StoreException;
import org.paperwire.ingest.IngestReport;
import org.paperwire.paper.Paper;

class BulkImporterTest {
    @TempDir
    Path dir;
    BulkStore store;

    @BeforeEach
    void open() {
        store = new BulkStore(dir.resolve("data"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aKaggleRecordTakesItsDatesAndVersionFromItsVersions() {
        IngestReport report = store.load(fixture("kaggle-snapshot.json"));

        assertThat(report.created()).isEqualTo(5);
        assertThat(report.failed()).isZero();
        Paper p = store.paper("0704.0001");
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.firstSubmitted()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
        assertThat(p.lastUpdated()).isEqualTo(Instant.parse("2007-07-24T20:10:27Z"));
        assertThat(p.listedOn()).isNull();
        assertThat(store.paper("0704.0044").version()).isEqualTo(4);
        assertThat(store.paper("0704.0044").lastUpdated()).isEqualTo(Instant.parse("2009-05-09T19:26:10Z"));
    }

    @Test
    void aKaggleRecordKeepsItsMetadataWithTitlesOnOneLineAndAbstractsAsTex() {
        store.load(fixture("kaggle-snapshot.json"));

        Paper p = store.paper("0704.0001");
        assertThat(p.title()).isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(p.abstractText()).startsWith("A fully differential calculation in perturbative quantum chromodynamics is\n"
                + "presented").endsWith("selection of events.");
        assertThat(p.comment()).isEqualTo("37 pages, 15 figures; published version");
        assertThat(p.journalRef()).isEqualTo("Phys.Rev.D76:013009,2007");
        assertThat(p.doi()).isEqualTo("10.1103/PhysRevD.76.013009");
        assertThat(store.paper("0704.0002").categories()).containsExactly("math.CO", "cs.CG");
    }

    @Test
    void kaggleAuthorsComeInOrderFromAuthorsParsedInUnicode() {
        store.load(fixture("kaggle-snapshot.json"));

        assertThat(store.paper("0704.0001").authors())
                .containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
        assertThat(store.paper("0704.0009").authors()).contains("Neal J. Evans II").endsWith("Philip C. Myers");
        assertThat(store.paper("0704.0044").authors()).startsWith("A. A. Schekochihin", "S. C. Cowley");
    }

    @Test
    void withoutAuthorsParsedTheAuthorsStringIsSplitAndAnOldStyleIdIsKept() {
        store.load(fixture("kaggle-snapshot.json"));

        Paper p = store.paper("hep-th/9901001");
        assertThat(p.authors()).containsExactly("J. Smith Jr.", "A. Jones", "C. Bal\\'azs", "B. Brown");
        assertThat(p.title()).isEqualTo("A record without parsed authors");
        assertThat(p.comment()).isEqualTo("12 pages, 3 figures");
        assertThat(p.abstractText()).isEqualTo("An abstract with $\\alpha$ and \\emph{TeX}\nover two lines.");
        assertThat(p.categories()).containsExactly("hep-th", "gr-qc");
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.firstSubmitted()).isEqualTo(p.lastUpdated()).isEqualTo(Instant.parse("1999-01-01T10:00:00Z"));
    }

    @Test
    void aDailyListingCountsItsCrossListedDuplicateAndNamesEachBadLine() {
        Path file = fixture("2025-03-18.jsonl");
        IngestReport report = store.load(file);

        assertThat(report.read()).isEqualTo(7); // the blank line is not a record
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.unchanged()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.errors()).satisfiesExactly(
                e -> assertThat(e).startsWith(file + ":3: malformed JSON at column "),
                e -> assertThat(e).isEqualTo(file + ":5: record has no title"),
                e -> assertThat(e).isEqualTo(file + ":7: 'not-an-arxiv-id' is not an arXiv id"
                        + " (expected e.g. 2406.01234 or hep-th/9901001)"));
        assertThat(store.papers.count()).isEqualTo(3);
    }

    @Test
    void aDailyListingTakesItsListingDayFromTheFileNameAndKeepsItsFields() {
        store.load(fixture("2025-03-18.jsonl"));

        Paper p = store.paper("2503.11802");
        assertThat(p.listedOn()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(p.title()).isEqualTo("Cross-lingual Retrieval with Small Models");
        assertThat(p.authors()).containsExactly("C. Author", "D. Author");
        assertThat(p.categories()).containsExactly("cs.CL", "cs.IR");
        assertThat(p.comment()).isEqualTo("ACL 2025, 9 pages");
        assertThat(p.abstractText()).isEqualTo("We study retrieval.");
        assertThat(p.version()).isZero();
        assertThat(p.firstSubmitted()).isNull();
        assertThat(store.paper("2503.11731").abstractText()).contains("driving\nsystems, with $O(n)$ cost and \\emph{editable}");
        assertThat(store.paper("2503.11731").comment()).isNull();
    }

    @Test
    void aListingDayGivenByTheCallerWinsOverTheFileName() {
        store.load(new ImportOptions(BulkFormat.DAILY, LocalDate.of(2025, 3, 17)), fixture("2025-03-18.jsonl"));

        assertThat(store.paper("2503.11742").listedOn()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void aDailyListingWithoutAListingDayFailsNamingTheFile() throws IOException {
        Path file = Files.copy(fixture("2025-03-18.jsonl"), dir.resolve("listing.jsonl"));

        IngestReport report = store.load(file);

        assertThat(report.errors()).singleElement().asString()
                .startsWith(file + ": a daily listing needs its listing day").contains("--listed-on");
        assertThat(store.papers.count()).isZero();
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        store.load(fixture("2025-03-18.jsonl"), fixture("kaggle-snapshot.json"));

        IngestReport again = store.load(fixture("2025-03-18.jsonl"), fixture("kaggle-snapshot.json"));

        assertThat(again.unchanged()).isEqualTo(9);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(again.failed()).isEqualTo(3);
    }

    @Test
    void aBeirCorpusKeepsItsIdsAndDocumentsWithoutATitle() {
        IngestReport report = store.load(fixture("beir-corpus.jsonl"));

        assertThat(report.created()).isEqualTo(3);
        Paper untitled = store.paper("5836");
        assertThat(untitled.title()).isEmpty();
        assertThat(untitled.abstractText()).isEqualTo("A document without a title: BEIR corpora have many of these.");
        assertThat(store.paper("7912").title()).isEqualTo("Induction of myelodysplasia");
    }

    @Test
    void aTruncatedGzipKeepsEveryLineBeforeTheBreakAndFailsOnceNamingTheLine() throws IOException {
        Path whole = gzip(dir.resolve("2025-04-01.jsonl.gz"), 400);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("2025-04-02.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        IngestReport report = store.load(truncated);

        assertThat(report.failed()).isOne();
        String error = report.errors().getFirst();
        assertThat(error).startsWith(truncated + ":").contains("the file ends early");
        long brokenLine = Long.parseLong(error.substring(truncated.toString().length() + 1, error.indexOf(": the")));
        assertThat(brokenLine).isBetween(2L, 400L);
        assertThat(report.created()).isEqualTo(brokenLine - 1);
        assertThat(store.papers.count()).isEqualTo(brokenLine - 1);
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
        Path file = gzip(dir.resolve("2025-04-01.jsonl"), 3);

        assertThat(store.load(file).created()).isEqualTo(3);
    }

    @Test
    void aMissingFileFailsByNameWhileTheOtherFilesAreImported() {
        Path missing = dir.resolve("2025-01-01.jsonl.gz");

        IngestReport report = store.load(missing, fixture("beir-corpus.jsonl"));

        assertThat(report.errors()).containsExactly(missing + ": no such file");
        assertThat(report.created()).isEqualTo(3);
    }

    @Test
    void aFileInAnUnknownFormatAsksForFormatAndTheNextFileIsImported() throws IOException {
        Path odd = Files.writeString(dir.resolve("odd.jsonl"), "{\"name\": \"x\"}\n{\"name\": \"y\"}\n");

        IngestReport report = store.load(odd, fixture("beir-corpus.jsonl"));

        assertThat(report.errors()).singleElement().asString()
                .startsWith(odd + ":1: cannot tell the file's format from the keys [name]; pass --format");
        assertThat(report.created()).isEqualTo(3);
    }

    @Test
    void aFailingStoreStopsTheImportAndItsReaderThread() throws Exception {
        Path file = gzip(dir.resolve("2025-04-01.jsonl.gz"), 5000);
        store.execute("CREATE TRIGGER disk_full BEFORE INSERT ON papers WHEN NEW.id = '2504.03000'"
                + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");

        assertThatThrownBy(() -> store.load(file)).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        assertThat(store.papers.count()).isEqualTo(2000); // the first batch, committed before the failing one
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("paperwire-bulk-reader"));
    }

    @Test
    void anIdWithAnAbsurdVersionIsOneFailedRecordAndTheImportGoesOn() throws IOException {
        // issue 9, finding 7: Integer.parseInt overflowed and the whole import aborted
        Path file = Files.writeString(dir.resolve("kaggle.json"), """
                {"id": "2406.01234v99999999999", "title": "Absurd", "categories": "cs.LG", "versions": []}
                {"id": "2406.01235", "title": "Fine", "categories": "cs.LG", "versions": []}
                """);

        IngestReport report = store.load(file);

        assertThat(report.failed()).isOne();
        assertThat(report.errors()).containsExactly(file + ":1: '2406.01234v99999999999' is not an arXiv id"
                + " (expected e.g. 2406.01234 or hep-th/9901001)");
        assertThat(report.created()).isOne();
    }

    @Test
    void controlCharactersInATitleAreReplacedAtIngest() throws IOException {
        Path file = Files.writeString(dir.resolve("2025-04-01.jsonl"),
                "{\"id\": \"2504.00001\", \"title\": \"Bell\\u0007 and \\u0000NUL\", \"categories\": [\"cs.LG\"],"
                        + " \"summary\": \"One\\nTwo\\u0001.\"}\n");

        store.load(file);

        assertThat(store.paper("2504.00001").title()).isEqualTo("Bell and NUL");
        assertThat(store.paper("2504.00001").abstractText()).isEqualTo("One\nTwo .");
    }

    @Test
    void aLineLongerThanSixteenMebibytesIsOneFailedRecordAndReadingGoesOnAtTheNextLine() throws IOException {
        // issue 9, finding 7: the line buffer doubled without bound (a multi-GB line ran the JVM out of memory)
        Path file = dir.resolve("2025-04-01.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(line(1));
            out.write("{\"id\": \"2504.00002\", \"title\": \"".getBytes(StandardCharsets.UTF_8));
            out.write("x".repeat(LineReader.MAX_LINE + 100_000).getBytes(StandardCharsets.UTF_8));
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(line(3));
        }

        IngestReport report = store.load(file);

        assertThat(report.errors()).containsExactly(file + ":2: the line is longer than 16,777,216 bytes; skipped it");
        assertThat(report.created()).isEqualTo(2);
        assertThat(store.paper("2504.00003").title()).isEqualTo("Paper number 3");
    }

    /** A daily listing of {@code lines} distinct papers, gzip-compressed. */
    private static Path gzip(Path file, int lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 1; i <= lines; i++) {
                out.write(line(i));
            }
        }
        return file;
    }

    /** Line {@code i} of a daily listing: paper 2504.0000i. */
    private static byte[] line(int i) {
        String id = String.format("2504.%05d", i);
        return ("{\"id\": \"" + id + "\", \"authors\": [\"Author " + i + "\"], \"title\": \"Paper number " + i
                + "\", \"categories\": [\"cs.LG\"], \"comment\": null, \"summary\": \"Abstract " + i + " about "
                + Integer.toHexString(i * 0x9E3779B1) + ".\"}\n").getBytes(StandardCharsets.UTF_8);
    }
}
