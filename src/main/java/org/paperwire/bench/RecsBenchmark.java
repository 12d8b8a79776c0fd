package org.paperwire.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.paperwire.recommend.PaperFeatures;
import org.paperwire.recommend.ReaderModel;
import org.paperwire.recommend.ReaderModels;
import org.paperwire.recommend.DayTerms;
import org.paperwire.recommend.TermSpace;
import org.paperwire.recommend.TermVector;

/**
 * The recommendation workload of one day: every reader's collection model trained, then the day's new papers
 * scored for every reader, top 20 kept, and the closest library papers named for each kept one. Papers are real
 * (title and abstract from the listings, so tf-idf vectors have their real sparsity) but their embeddings are
 * synthetic: unit vectors around 50 random topic centres, as many dimensions as the real model's, since embedding
 * half a million library papers is the harvest's work, not the recommender's. Readers are trained and scored in
 * batches (models are dropped after each), so memory stays that of one batch.
 */
public final class RecsBenchmark {
    private static final int TOPICS = 50;
    private static final int TOP = 20;
    private static final int BECAUSE = 3;
    private static final int BATCH = 1_000;

    private final ReaderModels.Settings settings;
    private final int dimension;
    private final int threads;

    public RecsBenchmark(ReaderModels.Settings settings, int dimension, int threads) {
        this.settings = settings;
        this.dimension = dimension;
        this.threads = threads;
    }

    /**
     * @param pool texts (title and abstract) libraries and background are drawn from
     * @param day texts of the day's new papers
     */
    public RecsBenchResult run(int readers, int libraryPapers, int backgroundPapers, List<String> pool, List<String> day,
            long seed, Consumer<String> progress) throws Exception {
        List<String> all = new ArrayList<>(pool);
        all.addAll(day);
        TermSpace terms = settings.termScale() > 0 ? TermSpace.fit(all, settings.charWeight() > 0) : null;
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[TOPICS][];
        for (int t = 0; t < TOPICS; t++) {
            centres[t] = unit(gaussian(random, 1.0, null));
        }
        List<PaperFeatures> poolPapers = papers("p", pool, terms, centres, random);
        List<PaperFeatures> dayPapers = papers("d", day, terms, centres, random);
        ReaderModels models = new ReaderModels(settings, dimension, terms);
        ReaderModels.Background background = models.background(poolPapers.subList(0, backgroundPapers));
        progress.accept(String.format("%,d readers, %d library papers each, %d new papers, %d background papers, %s, %d threads",
                readers, libraryPapers, day.size(), backgroundPapers, terms == null ? "no terms" : terms.size() + " terms",
                threads));
        double[] trainMs = new double[readers];
        double trainSeconds = 0;
        long numbering = System.nanoTime();
        DayTerms dayTerms = models.dayTerms(dayPapers); // once a day, shared by every reader: part of scoring
        double scoreSeconds = (System.nanoTime() - numbering) / 1e9;
        ExecutorService pool2 = Executors.newFixedThreadPool(threads);
        try {
            for (int from = 0; from < readers; from += BATCH) {
                int to = Math.min(readers, from + BATCH);
                List<Future<ReaderModel>> trained = new ArrayList<>();
                long start = System.nanoTime();
                for (int r = from; r < to; r++) {
                    int reader = r;
                    List<PaperFeatures> library = library(poolPapers, libraryPapers, new SplittableRandom(seed + reader));
                    trained.add(pool2.submit(() -> {
                        long t0 = System.nanoTime();
                        ReaderModel m = models.train(library, List.of(), background, seed + reader);
                        trainMs[reader] = (System.nanoTime() - t0) / 1e6;
                        return m;
                    }));
                }
                List<ReaderModel> batch = new ArrayList<>();
                for (Future<ReaderModel> f : trained) {
                    batch.add(f.get());
                }
                trainSeconds += (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                List<Future<Integer>> scored = new ArrayList<>();
                for (ReaderModel m : batch) {
                    scored.add(pool2.submit(() -> recommend(m, dayPapers, dayTerms)));
                }
                for (Future<Integer> f : scored) {
                    f.get();
                }
                scoreSeconds += (System.nanoTime() - start) / 1e9;
                progress.accept(String.format("%,d readers trained and scored", to));
            }
        } finally {
            pool2.shutdownNow();
        }
        double[] sorted = trainMs.clone();
        Arrays.sort(sorted);
        return new RecsBenchResult(readers, round(sorted[readers / 2]), round(sorted[(int) (readers * 0.95)]),
                round(trainSeconds), round(scoreSeconds), libraryPapers, day.size(), backgroundPapers, threads,
                Memory.peakRssMb());
    }

    /** A reader's top 20 of the day and their closest library papers; returns how many "because" papers were named. */
    private static int recommend(ReaderModel model, List<PaperFeatures> day, DayTerms terms) {
        int named = 0;
        ReaderModel.Ranking ranking = model.rank(day, terms);
        for (int i : ReaderModel.top(ranking.scores(), day, TOP)) {
            named += ranking.because(i, BECAUSE).size();
        }
        return named;
    }

    /** A library of {@code size} pool papers, different for every reader. */
    private static List<PaperFeatures> library(List<PaperFeatures> pool, int size, SplittableRandom random) {
        List<PaperFeatures> out = new ArrayList<>(size);
        int start = random.nextInt(pool.size());
        for (int i = 0; i < size; i++) {
            out.add(pool.get((start + i * 7 + random.nextInt(5)) % pool.size()));
        }
        return out;
    }

    private List<PaperFeatures> papers(String prefix, List<String> texts, TermSpace terms, float[][] centres,
            SplittableRandom random) {
        List<PaperFeatures> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] e = unit(gaussian(random, 0.6, centre));
            TermSpace.Terms t = terms == null ? null : terms.terms(texts.get(i));
            out.add(t == null ? new PaperFeatures(prefix + i, e, TermVector.EMPTY)
                    : new PaperFeatures(prefix + i, e, t));
        }
        return out;
    }

    private float[] gaussian(SplittableRandom random, double sd, float[] mean) {
        float[] v = new float[dimension];
        for (int k = 0; k < dimension; k++) {
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            v[k] = (float) ((mean == null ? 0 : mean[k]) + sd * g / Math.sqrt(dimension));
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int k = 0; k < v.length; k++) {
            v[k] = (float) (v[k] / Math.sqrt(norm));
        }
        return v;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
