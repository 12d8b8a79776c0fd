package org.paperwire.search.index;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.util.BytesRef;
import org.paperwire.paper.Paper;

/**
 * The index schema: how a paper becomes a Lucene document, and the analyzers of its fields.
 *
 * <p>Text fields use Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessives, lowercase, English
 * stop words, Porter stemming), the analysis Anserini's BM25 baselines use. {@code all} holds title and
 * abstract together (Anserini's "flat" field, the strongest BM25 setting on BEIR); {@code title} is also
 * indexed alone so that a title match can count extra. Authors are folded to ASCII and lowercased but
 * never stemmed, so {@code author:muller} finds Müller.
 */
public final class PaperDocuments {
    public static final String ID = "id";
    public static final String TITLE = "title";
    public static final String ABSTRACT = "abstract";
    public static final String ALL = "all";
    public static final String AUTHORS = "authors";
    public static final String CATEGORY = "cat";
    /** Lowercased categories, for case-insensitive {@code cat:} filters. */
    public static final String CATEGORY_LOWER = "cat_lower";
    /** Day of submission (else listing) as epoch day. */
    public static final String DATE = "date";
    public static final String VECTOR = "vector";
    /** {@link #EMBEDDED} or {@link #PENDING}: the background embedder picks up pending papers. */
    public static final String VECTOR_STATE = "vector_state";
    public static final String EMBEDDED = "embedded";
    public static final String PENDING = "pending";

    /** Newest first (papers without a date last), then by id: the one date order of search and embedding. */
    public static final Sort NEWEST_FIRST = newestFirst();

    private PaperDocuments() {}

    private static Sort newestFirst() {
        SortedNumericSortField date = new SortedNumericSortField(DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, new SortField(ID, SortField.Type.STRING));
    }

    /** The analyzer for every field: English for text, folding for authors, none for keyword fields. */
    public static Analyzer analyzer() {
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(english, Map.of(AUTHORS, nameAnalyzer()));
    }

    static Analyzer nameAnalyzer() {
        return new Analyzer() {
            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100; // a phrase never runs from one author's name into the next
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
    }

    /** The document of {@code paper}; {@code vector} is null while its embedding is pending. */
    public static Document toDocument(Paper paper, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, paper.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(paper.id())));
        doc.add(new TextField(TITLE, paper.title(), Field.Store.YES));
        doc.add(new TextField(ABSTRACT, paper.abstractText(), Field.Store.YES));
        doc.add(new TextField(ALL, paper.title() + "\n" + paper.abstractText(), Field.Store.NO));
        for (String author : paper.authors()) {
            doc.add(new TextField(AUTHORS, author, Field.Store.YES));
        }
        for (String category : paper.categories()) {
            doc.add(new StringField(CATEGORY, category, Field.Store.YES));
            doc.add(new StringField(CATEGORY_LOWER, category.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        LocalDate date = paper.date();
        if (date != null) {
            doc.add(new LongField(DATE, date.toEpochDay(), Field.Store.YES));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new StringField(VECTOR_STATE, vector != null ? EMBEDDED : PENDING, Field.Store.NO));
        return doc;
    }
}
