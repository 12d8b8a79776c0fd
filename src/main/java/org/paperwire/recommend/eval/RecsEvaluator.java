package org.paperwire.recommend.eval;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.paperwire.db.Database;
import org.paperwire.recommend.PaperFeatures;
import org.paperwire.recommend.ReaderModel;
import org.paperwire.recommend.DaySample;
import org.paperwire.recommend.DayTerms;
import org.paperwire.recommend.ReaderModels;
import org.paperwire.recommend.Recommendations;
import org.paperwire.recommend.TermCounts;
import org.paperwire.recommend.TermSpace;
import org.paperwire.recommend.TermVector;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.JdbcEmbeddingCache;

/**
 * Measures recommendations on reader-day tasks ({@code ../shared/data/recs/SOURCE.md}): for each reader-day, the
 * model is trained on the library and ranks every paper first listed that day; the reader's own new paper should
 * come first. Only the papers the tasks need are embedded (the libraries and the days' candidates), through a
 * persistent embedding cache; each reader-day's background papers are a seeded sample of those first listed before
 * its day.
 *
 * <p>Baselines measured side by side: {@code random} (a seeded shuffle) and {@code centroid} (cosine to the
 * library's mean embedding).
 */
public final class RecsEvaluator {
    /** Background papers per reader-day. */
    public static final int BACKGROUND_SAMPLE = Recommendations.Settings.DEFAULT.backgroundSize();
    private static final float[] NO_EMBEDDING = new float[0];
    /**
     * The seed of every random choice (background samples, the solver's order, the random baseline): the pinned
     * numbers are this seed's.
     */
    public static final long SEED = 20261201L;

    private final Embedder embedder;
    private final ReaderModels.Settings settings;
    private final int backgroundSample;
    private final long seed;

    public RecsEvaluator(Embedder embedder, ReaderModels.Settings settings) {
        this(embedder, settings, BACKGROUND_SAMPLE, SEED);
    }

    /**
     * @param seed another seed draws other background samples: how far the numbers move with it is how much of a
     *     difference between two settings is the sample's (docs/quality-log.md, session 11)
     */
    public RecsEvaluator(Embedder embedder, ReaderModels.Settings settings, int backgroundSample, long seed) {
        this.embedder = embedder;
        this.settings = settings;
        this.backgroundSample = backgroundSample;
        this.seed = seed;
    }

    /** Progress lines for the user (stderr in the CLI). */
    public interface Progress {
        void say(String line);
    }

    /**
     * @throws IllegalArgumentException when a task names a paper the listings lack, or a day without listings
     */
    public RecsReport evaluate(List<ReaderDay> days, Listings listings, Path cacheDir, Progress progress) {
        Map<LocalDate, List<String>> candidatesByDay = new TreeMap<>();
        Map<LocalDate, Set<String>> librariesByDay = new TreeMap<>();
        for (ReaderDay day : days) {
            for (String id : day.library()) {
                requireListed(listings, id, day);
            }
            librariesByDay.computeIfAbsent(day.date(), d -> new LinkedHashSet<>()).addAll(day.library());
            if (candidatesByDay.computeIfAbsent(day.date(), listings::firstListedOn).isEmpty()) {
                throw new IllegalArgumentException("reader " + day.reader() + ": no paper was first listed on "
                        + day.date() + " in the listings given");
            }
        }
        // day by day, so that an interrupted cold run leaves whole days cached
        Set<String> needed = new LinkedHashSet<>();
        candidatesByDay.forEach((date, candidates) -> {
            needed.addAll(librariesByDay.get(date));
            needed.addAll(candidates);
        });
        progress.say(String.format("%,d reader-days on %d days need %,d papers", days.size(), candidatesByDay.size(),
                needed.size()));
        List<String> ids = new ArrayList<>(needed);
        List<String> texts = ids.stream().map(id -> listings.paper(id).orElseThrow().text()).toList();
        CachedVectors vectors = null;
        Map<String, float[]> byText = Map.of();
        if (settings.embeddingScale() > 0) {
            try (Database cache = Database.open(cacheDir)) {
                vectors = new CachedVectors(embedder, new JdbcEmbeddingCache(cache.dataSource()));
                byText = vectors.vectors(texts, progress);
            }
        }
        // the term space of the papers the tasks are about (arxiv-sanity-lite fits it on every paper it holds)
        TermSpace terms = settings.termScale() > 0 ? TermSpace.fit(texts, settings.charWeight() > 0) : null;
        Map<String, PaperFeatures> features = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            TermSpace.Terms t = terms == null ? new TermSpace.Terms(TermVector.EMPTY, TermCounts.EMPTY)
                    : terms.terms(texts.get(i));
            float[] e = byText.getOrDefault(texts.get(i), NO_EMBEDDING);
            features.put(ids.get(i), new PaperFeatures(ids.get(i), e, t));
        }
        int dimension = settings.embeddingScale() > 0 ? embedder.model().dimension() : 0;
        ReaderModels models = new ReaderModels(settings, dimension, terms);
        Map<LocalDate, ReaderModels.Background> backgrounds = new HashMap<>();
        Map<LocalDate, DayTerms> dayTerms = new HashMap<>();
        List<RecsMetrics> model = new ArrayList<>();
        List<RecsMetrics> random = new ArrayList<>();
        List<RecsMetrics> centroid = new ArrayList<>();
        for (ReaderDay day : days) {
            List<String> candidateIds = candidatesByDay.get(day.date());
            List<PaperFeatures> candidates = candidateIds.stream().map(features::get).toList();
            List<PaperFeatures> library = day.library().stream().map(features::get).toList();
            ReaderModels.Background background = backgrounds.computeIfAbsent(day.date(), d -> models.background(
                    // the trainer leaves out any background paper that is in the reader's library
                    DaySample.draw(ids.stream().filter(id -> listings.paper(id).orElseThrow().firstListed().isBefore(d))
                            .map(features::get).toList(), d, backgroundSample, seed)));
            ReaderModel m = models.train(library, List.of(), background, seed);
            Set<String> relevant = new HashSet<>(day.relevant());
            DayTerms numbered = dayTerms.computeIfAbsent(day.date(), d -> models.dayTerms(candidates));
            model.add(RecsMetrics.of(RecsMetrics.rank(candidateIds, m.score(candidates, numbered)), relevant));
            random.add(RecsMetrics.of(RecsMetrics.rank(candidateIds, randomScores(day, candidateIds.size())), relevant));
            centroid.add(RecsMetrics.of(RecsMetrics.rank(candidateIds, centroidScores(library, candidates)), relevant));
        }
        Map<String, RecsMetrics> baselines = new LinkedHashMap<>();
        baselines.put("random", RecsMetrics.mean(random));
        baselines.put("centroid", RecsMetrics.mean(centroid));
        return new RecsReport(days.size(), RecsMetrics.mean(model), baselines, vectors == null ? 0 : vectors.embedded(),
                vectors == null ? 0 : vectors.seconds());
    }

    private static void requireListed(Listings listings, String id, ReaderDay day) {
        if (listings.paper(id).isEmpty()) {
            throw new IllegalArgumentException("reader " + day.reader() + " on " + day.date() + ": paper " + id
                    + " is in no listing file given");
        }
    }

    private double[] randomScores(ReaderDay day, int n) {
        SplittableRandom random = new SplittableRandom(seed ^ (day.reader() + day.date()).hashCode());
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
        }
        return scores;
    }

    private static double[] termCentroidScores(List<PaperFeatures> library, List<PaperFeatures> candidates) {
        Map<Integer, Double> mean = new HashMap<>();
        for (PaperFeatures p : library) {
            for (int k = 0; k < p.terms().index().length; k++) {
                mean.merge(p.terms().index()[k], (double) p.terms().value()[k], Double::sum);
            }
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            TermVector t = candidates.get(i).terms();
            for (int k = 0; k < t.index().length; k++) {
                scores[i] += t.value()[k] * mean.getOrDefault(t.index()[k], 0.0);
            }
        }
        return scores;
    }

    private static double[] centroidScores(List<PaperFeatures> library, List<PaperFeatures> candidates) {
        int d = library.get(0).embedding().length;
        if (d == 0) { // experiments without embeddings: the tf-idf centroid
            return termCentroidScores(library, candidates);
        }
        float[] mean = new float[d];
        for (PaperFeatures p : library) {
            for (int k = 0; k < d; k++) {
                mean[k] += p.embedding()[k] / library.size();
            }
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            float[] e = candidates.get(i).embedding();
            double dot = 0;
            for (int k = 0; k < d; k++) {
                dot += mean[k] * e[k];
            }
            scores[i] = dot;
        }
        return scores;
    }
}
