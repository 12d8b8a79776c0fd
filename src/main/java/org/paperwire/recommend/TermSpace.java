package org.paperwire.recommend;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The tf-idf space of arxiv-sanity-lite ({@code compute.py}: scikit-learn's {@code TfidfVectorizer} over title
 * and abstract): accents stripped, lower case, tokens of two or more word characters starting with a letter,
 * English stop words removed, words and bigrams, terms in at least {@link #MIN_DF} papers and at most
 * {@link #MAX_DF} of them, the {@link #MAX_FEATURES} most frequent kept, sublinear tf ({@code 1 + ln tf}),
 * smooth idf ({@code ln((1 + n) / (1 + df)) + 1}), unit length. The stop list is Lucene's English one (33
 * words, against scikit-learn's 318): the {@code max_df} cut removes the rest of the common words anyway.
 *
 * <p>Besides, for {@link LibraryLanguageModel}: the counts of every word and bigram of a paper with its words
 * reduced to their stems (Porter's, as Lucene's English analyzer does), and, from fitting, those of the whole
 * corpus ({@link #collection()}). On the development reader-days stems help the language model (nDCG@10 +0.003
 * alone) and hurt tf-idf (−0.008 for the terms-only model), so each part gets its own.
 *
 * <p>Fitted once on a corpus (the papers a day's recommendations are made among), then shared by every reader's
 * model: immutable and thread-safe.
 */
public final class TermSpace {
    public static final int MIN_DF = 5;
    public static final double MAX_DF = 0.1;
    public static final int MAX_FEATURES = 20_000;
    private static final Pattern TOKEN = Pattern.compile("\\b[a-z_][a-z0-9_]+\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** Porter's stemmer over words already cut and lower-cased (Lucene reuses its parts per thread). */
    private static final Analyzer STEMMER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            WhitespaceTokenizer words = new WhitespaceTokenizer();
            return new TokenStreamComponents(words, new PorterStemFilter(words));
        }
    };

    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final CollectionCounts collection;
    private final CharGrams chars;

    private TermSpace(Map<String, Integer> vocabulary, float[] idf, CollectionCounts collection, CharGrams chars) {
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.collection = collection;
        this.chars = chars;
    }

    /**
     * A paper's terms three ways: its tf-idf vector in this space, the counts of all its terms, and the sketch of its
     * character n-grams ({@link CharGrams}; empty when the space has none).
     */
    public record Terms(TermVector vector, TermCounts counts, CharSketch chars) {
        public Terms {
            Objects.requireNonNull(chars, "chars");
        }

        /** Without character n-grams. */
        public Terms(TermVector vector, TermCounts counts) {
            this(vector, counts, CharSketch.NONE);
        }
    }

    /**
     * Fits the vocabulary and idf on {@code texts} (title and abstract of each paper; never author names), without
     * character n-grams.
     */
    public static TermSpace fit(List<String> texts) {
        return fit(texts, false);
    }

    /** @param chars whether papers' terms include their {@link CharGrams} sketch, fitted on the same texts */
    public static TermSpace fit(List<String> texts, boolean chars) {
        return fit(texts, MIN_DF, MAX_DF, MAX_FEATURES, chars);
    }

    static TermSpace fit(List<String> texts, int minDf, double maxDf, int maxFeatures) {
        return fit(texts, minDf, maxDf, maxFeatures, false);
    }

    private static TermSpace fit(List<String> texts, int minDf, double maxDf, int maxFeatures, boolean chars) {
        // each text cut into words once, on every core (a month's sample: seconds on one); added up in order
        List<TextCounts> each = texts.parallelStream().map(TextCounts::of).toList();
        Map<String, int[]> stats = new HashMap<>(); // term -> {document frequency, total count}
        for (TextCounts c : each) {
            c.terms().forEach((term, n) -> {
                int[] s = stats.computeIfAbsent(term, t -> new int[2]);
                s[0]++;
                s[1] += n;
            });
        }
        double maxDocs = maxDf * texts.size();
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> e : stats.entrySet()) {
            if (e.getValue()[0] >= minDf && e.getValue()[0] <= maxDocs) {
                kept.add(e);
            }
        }
        // most frequent first, ties by term: the same corpus always gives the same space
        kept.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey));
        List<String> terms = kept.stream().limit(maxFeatures).map(Map.Entry::getKey).sorted().toList();
        Map<String, Integer> vocabulary = new HashMap<>(terms.size() * 2);
        float[] idf = new float[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            vocabulary.put(terms.get(i), i);
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + stats.get(terms.get(i))[0])) + 1);
        }
        Map<String, Integer> stems = new HashMap<>(stats.size() * 2);
        for (TextCounts c : each) {
            c.stems().forEach((term, n) -> stems.merge(term, n, Integer::sum));
        }
        return new TermSpace(vocabulary, idf, new CollectionCounts(stems), chars ? CharGrams.fit(texts) : null);
    }

    /**
     * A text's {@link #counts(String)}, and the counts {@link LibraryLanguageModel} reads: the same, of the words'
     * stems.
     */
    private record TextCounts(Map<String, Integer> terms, Map<String, Integer> stems) {
        static TextCounts of(String text) {
            List<String> words = words(text);
            return new TextCounts(counts(words), counts(TermSpace.stems(words)));
        }
    }

    /** How often each term occurs in the papers this space was fitted on. */
    CollectionCounts collection() {
        return collection;
    }

    /** The number of terms (the dimension of every {@link TermVector} of this space). */
    public int size() {
        return idf.length;
    }

    /** The unit-length tf-idf vector of {@code text}; {@link TermVector#EMPTY} when none of its terms are known. */
    public TermVector vector(String text) {
        return vector(counts(text));
    }

    /** The vector, the counts and the character n-grams of {@code text}, cut into terms once. */
    public Terms terms(String text) {
        List<String> words = words(text);
        return new Terms(vector(counts(words)), TermCounts.of(counts(stems(words))),
                chars == null ? CharSketch.NONE : CharSketch.of(chars.sketch(text)));
    }

    private TermVector vector(Map<String, Integer> counts) {
        Map<Integer, Double> weights = new HashMap<>();
        counts.forEach((term, n) -> {
            Integer i = vocabulary.get(term);
            if (i != null) {
                weights.put(i, (1 + Math.log(n)) * idf[i]);
            }
        });
        if (weights.isEmpty()) {
            return TermVector.EMPTY;
        }
        int[] index = weights.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
        float[] value = new float[index.length];
        for (int k = 0; k < index.length; k++) {
            value[k] = (float) (weights.get(index[k]) / norm);
        }
        return new TermVector(index, value);
    }

    /** Word and bigram counts of {@code text} (bigrams of adjacent words once stop words are gone, as scikit-learn). */
    static Map<String, Integer> counts(String text) {
        return counts(words(text));
    }

    /** {@code text} with accents stripped and in lower case, as both words and character n-grams are cut from it. */
    static String folded(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded(text));
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static Map<String, Integer> counts(List<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            counts.merge(words.get(i), 1, Integer::sum);
            if (i + 1 < words.size()) {
                counts.merge(words.get(i) + " " + words.get(i + 1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<String> stems(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        try (TokenStream stream = STEMMER.tokenStream("text", String.join(" ", words))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
        return out;
    }

    /** The vocabulary's terms (tests). */
    Set<String> terms() {
        return new HashSet<>(vocabulary.keySet());
    }

    @Override
    public String toString() {
        return "TermSpace[" + idf.length + " terms, idf " + Arrays.toString(Arrays.copyOf(idf, Math.min(3, idf.length))) + "...]";
    }
}
