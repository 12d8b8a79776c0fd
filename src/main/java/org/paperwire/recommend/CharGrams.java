package org.paperwire.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Character 5- and 6-grams of a paper's title and abstract, tf-idf weighted (scikit-learn's {@code
 * TfidfVectorizer(analyzer="char", ngram_range=(5, 6), min_df=2, sublinear_tf=True)} over the text with accents
 * stripped, lower case and runs of white space made one space), folded into a dense sketch of {@link #DIMENSION}
 * floats: each gram adds its weight, with a sign, to one place picked by its hash (a count sketch), and the sketch is
 * divided by the length of the exact tf-idf vector. The dot product of two sketches is then an unbiased estimate of
 * the cosine of the two tf-idf vectors, at the cost of a dense dot product instead of a merge of two lists of about
 * 2,000 grams each. Grams catch what words miss: a method's name inside a longer token, plurals, shared stems.
 *
 * <p>Document frequencies are counted per hash bucket ({@link #DF_BUCKETS}), not per gram: two grams sharing a bucket
 * share a count, which only makes a few rare grams look less rare.
 *
 * <p>Fitted once on a corpus with the {@link TermSpace}; immutable and thread-safe.
 */
final class CharGrams {
    /**
     * The sketch's length: on the development reader-days 16,384 places rank within 0.001 of exact cosines, 4,096
     * lose 0.002 (docs/quality-log.md, session 13). 16 KB a paper, in bytes ({@link CharSketch}).
     */
    static final int DIMENSION = 16_384;
    static final int MIN_N = 5;
    static final int MAX_N = 6;
    static final int MIN_DF = 2;
    static final int DF_BUCKETS = 1 << 22;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final int[] df;
    private final int documents;

    private CharGrams(int[] df, int documents) {
        this.df = df;
        this.documents = documents;
    }

    /** Counts each gram's document frequency over {@code texts}. */
    static CharGrams fit(List<String> texts) {
        int[] df = new int[DF_BUCKETS];
        List<long[]> each = texts.parallelStream().map(CharGrams::distinct).toList();
        for (long[] grams : each) {
            for (long g : grams) {
                df[bucket(g)]++;
            }
        }
        return new CharGrams(df, texts.size());
    }

    /** The sketch of {@code text} (length {@link #DIMENSION}; all zero when none of its grams is in two papers). */
    float[] sketch(String text) {
        long[] grams = grams(text);
        Arrays.sort(grams);
        float[] sketch = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < grams.length; ) {
            long g = grams[i];
            int tf = 0;
            while (i < grams.length && grams[i] == g) {
                tf++;
                i++;
            }
            int d = df[bucket(g)];
            if (d < MIN_DF) {
                continue;
            }
            double w = (1 + Math.log(tf)) * (Math.log((1.0 + documents) / (1.0 + d)) + 1);
            norm += w * w;
            long h = mix(g ^ 0x9E3779B97F4A7C15L);
            sketch[(int) (h & (DIMENSION - 1))] += (float) (h < 0 ? -w : w);
        }
        if (norm == 0) {
            return sketch;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < DIMENSION; k++) {
            sketch[k] *= scale;
        }
        return sketch;
    }

    /** The hashes of {@code text}'s distinct grams. */
    private static long[] distinct(String text) {
        long[] grams = grams(text);
        Arrays.sort(grams);
        int n = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[n++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, n);
    }

    /** The hash of every 5- and 6-gram of the normalised {@code text}, in no particular order, repeats kept. */
    static long[] grams(String text) {
        String plain = SPACES.matcher(TermSpace.folded(text)).replaceAll(" ");
        int len = plain.length();
        int fives = Math.max(0, len - MIN_N + 1);
        int sixes = Math.max(0, len - MAX_N + 1);
        long[] out = new long[fives + sixes];
        int n = 0;
        for (int i = 0; i < fives; i++) {
            long h = 0xCBF29CE484222325L; // FNV-1a over the gram's chars, then mixed
            for (int k = 0; k < MIN_N; k++) {
                h = (h ^ plain.charAt(i + k)) * 0x100000001B3L;
            }
            out[n++] = mix(h);
            if (i < sixes) {
                out[n++] = mix((h ^ plain.charAt(i + MIN_N)) * 0x100000001B3L);
            }
        }
        return out;
    }

    private static int bucket(long gram) {
        return (int) (gram >>> 40) & (DF_BUCKETS - 1);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85EC3L;
        h ^= h >>> 33;
        return h;
    }
}
