package org.paperwire.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.paperwire.library.LibraryCollection;
import org.paperwire.library.LibraryService;
import org.paperwire.library.LibraryService.TrainingSet;
import org.paperwire.library.RatedPaper;
import org.paperwire.library.SavedPaper;
import org.paperwire.paper.DateWindow;
import org.paperwire.paper.Paper;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.PaperSummary;
import org.paperwire.paper.ReferenceDay;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingCache;
import org.paperwire.search.embed.EmbeddingText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Recommender} of the app: one {@link ReaderModel} per collection over the store's papers.
 *
 * <ul>
 * <li><b>The day's space</b>, shared by every reader: a {@link TermSpace} fitted on a seeded sample of the month's
 * papers up to the reference day, and a seeded background sample of them for training; refitted when the reference
 * day moves or {@link Settings#refitAfter()} has passed, never per request. Models trained in an older space are
 * dropped with it (their term weights index the old vocabulary).</li>
 * <li><b>Models</b>, trained when first asked for and cached by (collection, its revision, the space): saving,
 * removing, moving or rating a paper raises the collection's revision, so the next request trains again; any
 * other request reuses the model. The cache is bounded ({@link Settings#maxModels()}, least recently used out).
 * Training is seeded by the collection, so the same library gives the same model.</li>
 * <li><b>Features</b>: a paper's embedding is the search index's, read from the embedding cache under the search
 * model's key. Library papers not embedded yet are embedded on demand (there are few); of the candidates, at most
 * {@link Settings#embedPerRequest()} are, and any others are scored on their terms alone (a zero embedding) until
 * the background embedder reaches them: they rank lower than they would, but they are not left out.</li>
 * <li><b>Candidates</b>: the papers that appeared from {@code since} to the reference day, minus every paper the
 * reader saved or rated in any collection; their features are kept a few minutes per window.</li>
 * </ul>
 * Thread-safe; one instance serves every reader.
 */
public final class Recommendations implements Recommender {
    private static final Logger log = LoggerFactory.getLogger(Recommendations.class);
    /**
     * The service's knobs (the model's own are {@link ReaderModels.Settings}).
     *
     * @param termSample papers of the month the term space is fitted on
     * @param backgroundSize background papers (negatives, down-weighted) every model is trained against, in
     *     {@link ReaderModels.Settings#bags()} bags
     * @param refitAfter the longest a term space and background are used before they are made again
     * @param maxModels trained models kept in memory
     * @param embedPerRequest candidates (and background papers) without a vector embedded at most per request
     * @param maxBecause library papers named per recommendation
     * @param featuresKept papers whose features (vector, terms and counts in the current space) and title are kept in
     *     memory ({@link KnownPapers}), so that a paper in many libraries, or a day's candidates, are read and
     *     tokenised once (about 21 KB each, 16 KB of it the character n-gram sketch)
     */
    public record Settings(int termSample, int backgroundSize, Duration refitAfter, int maxModels, int embedPerRequest,
            int maxBecause, int featuresKept) {
        public static final Settings DEFAULT = new Settings(5_000, 450, Duration.ofDays(1), 10_000, 256, 3, 20_000);

        /** These settings with another bound on the models kept ({@code recommend.max-models}). */
        public Settings withMaxModels(int max) {
            return new Settings(termSample, backgroundSize, refitAfter, max, embedPerRequest, maxBecause, featuresKept);
        }
    }

    /** The papers whose day lies in [from, to] (the listing windows trending and search read). */
    @FunctionalInterface
    public interface Window {
        List<PaperSummary> papers(LocalDate from, LocalDate to);
    }

    private static final long SEED = 0x5EED_10L;
    /** From this many papers to make features of, their terms are made on every core. */
    private static final int PARALLEL_FEATURES = 64;
    private static final Duration CANDIDATES_TTL = Duration.ofMinutes(10);

    private record Space(long generation, LocalDate referenceDay, Instant fittedAt, TermSpace terms,
            ReaderModels models, ReaderModels.Background background, int dimension, KnownPapers known) {}

    private record ModelKey(long collectionId, long revision, long generation) {}

    /**
     * A collection's model (none while none of its papers is in the store) with the titles of its papers (for
     * "because you saved ..."), and the
     * ids of those saved before the store had them: when one arrives, the model is trained again.
     */
    private record Trained(Optional<ReaderModel> model, Map<String, String> titles, List<String> notInStore) {}

    private record CandidateKey(long generation, LocalDate from, LocalDate to, long storeSeq) {}

    private record Candidate(PaperSummary paper, PaperFeatures features) {}

    /**
     * A window's candidates with their terms numbered once for every reader ({@link DayTerms}), their features in
     * their order and their positions by paper id (to leave out the few a reader saved or rated without a pass
     * over all of them).
     */
    private record Candidates(List<Candidate> list, List<PaperFeatures> features, Map<String, Integer> position,
            DayTerms terms) {
        static Candidates of(List<Candidate> list, DayTerms terms) {
            Map<String, Integer> position = new HashMap<>(list.size() * 2);
            for (int i = 0; i < list.size(); i++) {
                position.put(list.get(i).paper().id(), i);
            }
            return new Candidates(list, list.stream().map(Candidate::features).toList(), Map.copyOf(position), terms);
        }

        /** These candidates less the papers {@code ids} names: these very ones when the window holds none of them. */
        Candidates without(Set<String> ids) {
            BitSet left = new BitSet();
            for (String id : ids) {
                Integer at = position.get(id);
                if (at != null) {
                    left.set(at);
                }
            }
            if (left.isEmpty()) {
                return this;
            }
            return of(IntStream.range(0, list.size()).filter(i -> !left.get(i)).mapToObj(list::get).toList(), terms);
        }
    }

    private final LibraryService library;
    private final PaperStore papers;
    private final Window window;
    private final PaperVectors vectors;
    private final Supplier<Embedder> embedder;
    private final InstantSource clock;
    private final ReferenceDay referenceDay;
    private final ReaderModels.Settings modelSettings;
    private final Settings settings;
    private final Object spaceLock = new Object();
    private volatile Space space;
    private final Cache<ModelKey, Trained> models;
    private final Cache<CandidateKey, Candidates> candidates;
    private final AtomicLong trainings = new AtomicLong();
    private final AtomicLong fits = new AtomicLong();

    /**
     * @param embedder the search engine's embedder (its cache key names the vectors); asked for when first needed
     */
    public Recommendations(LibraryService library, PaperStore papers, Window window, EmbeddingCache cache,
            Supplier<Embedder> embedder, InstantSource clock, ReaderModels.Settings modelSettings, Settings settings) {
        this.library = library;
        this.papers = papers;
        this.window = window;
        this.vectors = new PaperVectors(cache, embedder);
        this.embedder = embedder;
        this.clock = clock;
        this.referenceDay = ReferenceDay.of(papers, clock);
        this.modelSettings = modelSettings;
        this.settings = settings;
        this.models = Caffeine.newBuilder().maximumSize(settings.maxModels()).build();
        this.candidates = Caffeine.newBuilder().maximumSize(16).expireAfterWrite(CANDIDATES_TTL).build();
    }

    /** The day windows end at (the store's newest listing day); {@code since} is usually a window's first day. */
    public LocalDate referenceDay() {
        return referenceDay.get();
    }

    /**
     * @throws org.paperwire.library.LibraryException (not found) when the collection is not the reader's
     */
    @Override
    public List<Recommendation> recommend(long readerId, long collectionId, LocalDate since, int limit) {
        LibraryCollection collection = library.collection(readerId, collectionId);
        if (limit <= 0) {
            return List.of();
        }
        return recommend(space(), papers.lastSeq(), readerId, collection, since, limit, library.savedOrRated(readerId));
    }

    /**
     * @param storeSeq the store's change number when the request began (candidates are read again when it moved)
     * @param known the papers the reader saved or rated
     */
    private List<Recommendation> recommend(Space s, long storeSeq, long readerId, LibraryCollection collection,
            LocalDate since, int limit, Set<String> known) {
        if (limit <= 0) {
            return List.of();
        }
        ModelKey key = new ModelKey(collection.id(), collection.revision(), s.generation());
        Trained trained = models.get(key, k -> train(readerId, collection.id(), s));
        if (!trained.notInStore().isEmpty() && !papers.findAll(trained.notInStore()).isEmpty()) {
            models.invalidate(key); // a harvest or import brought a paper saved before it: it counts now
            trained = models.get(key, k -> train(readerId, collection.id(), s));
        }
        if (trained.model().isEmpty() || since.isAfter(s.referenceDay())) {
            return List.of();
        }
        ReaderModel model = trained.model().get();
        Map<String, String> titles = trained.titles();
        Candidates window = candidates(s, since, storeSeq);
        Candidates unknown = window.without(known);
        List<PaperFeatures> features = unknown.features();
        ReaderModel.Ranking ranking = model.rank(features, window.terms());
        double[] scores = ranking.scores();
        int[] best = ReaderModel.top(scores, features, limit);
        List<Recommendation> out = new ArrayList<>(best.length);
        for (int i : best) {
            List<Recommendation.Reason> because = ranking.because(i, settings.maxBecause()).stream()
                    .filter(b -> b.similarity() > 0) // a paper scored on terms alone is close to nothing by embedding
                    .map(b -> new Recommendation.Reason(b.id(), titles.getOrDefault(b.id(), b.id())))
                    .toList();
            out.add(new Recommendation(unknown.list().get(i).paper(), scores[i], because));
        }
        return out;
    }

    /**
     * Trains the models of these readers' collections that are not trained in the current space yet, on as many
     * threads as the machine has cores (at most one per collection), from one read of their collections, one of
     * their papers and ratings and one of the papers not known yet. A failure is logged and left to the request
     * that needs the model, which tries again. The batch's requests then share the space, and the candidates as
     * the store held them now.
     */
    @Override
    public Batch prepare(List<Long> readerIds) {
        Map<Long, List<LibraryCollection>> collections = library.collections(readerIds);
        if (collections.isEmpty()) { // no library among them: nothing to fit or train
            return Recommender.super.prepare(readerIds);
        }
        Space s = space();
        long storeSeq = papers.lastSeq();
        List<LibraryCollection> untrained = collections.values().stream().flatMap(List::stream)
                .filter(c -> models.getIfPresent(key(c, s)) == null).toList();
        if (!untrained.isEmpty()) {
            trainAhead(untrained, s);
        }
        return (readerId, collection, since, limit, known) -> recommend(s, storeSeq, readerId, collection, since, limit,
                known);
    }

    private static ModelKey key(LibraryCollection c, Space s) {
        return new ModelKey(c.id(), c.revision(), s.generation());
    }

    private void trainAhead(List<LibraryCollection> untrained, Space s) {
        List<TrainingSet> sets;
        long readAt;
        try {
            sets = library.trainingSets(untrained);
            readAt = s.known().catchUp(); // before the papers are read
            positives(s, sets.stream().flatMap(t -> t.positives().stream()).map(SavedPaper::paperId).distinct()
                    .toList(), readAt); // read once for all, and kept
        } catch (RuntimeException e) {
            log.warn("could not read the collections of {} models ahead; their requests will train them",
                    untrained.size(), e);
            return;
        }
        List<Callable<Void>> work = new ArrayList<>();
        for (TrainingSet set : sets) {
            work.add(() -> {
                try {
                    models.get(key(set.collection(), s), k -> train(set, s, readAt));
                } catch (RuntimeException e) {
                    log.warn("could not train the model of collection {} ahead; its request will try again",
                            set.collection().id(), e);
                }
                return null;
            });
        }
        int threads = Math.min(work.size(), Runtime.getRuntime().availableProcessors());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("recs-train-", 0)
                .daemon().factory())) {
            pool.invokeAll(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: what is not trained is trained on demand
        }
    }

    /** How many models were trained since start (tests: training happens once per collection revision). */
    public long trainings() {
        return trainings.get();
    }

    /** How many times the term space and background were made since start. */
    public long fits() {
        return fits.get();
    }

    private Space space() {
        LocalDate day = referenceDay.get();
        Space s = space;
        if (fresh(s, day)) {
            return s;
        }
        synchronized (spaceLock) {
            s = space;
            if (fresh(s, day)) {
                return s;
            }
            Space made = fit(s == null ? 1 : s.generation() + 1, day);
            space = made;
            models.invalidateAll(); // trained in the old space: their term weights index its vocabulary
            candidates.invalidateAll();
            return made;
        }
    }

    private boolean fresh(Space s, LocalDate day) {
        return s != null && s.referenceDay().equals(day) && clock.instant().isBefore(s.fittedAt().plus(settings.refitAfter()));
    }

    /** The term space and background of the month up to {@code day}, from one seeded sample of its papers. */
    private Space fit(long generation, LocalDate day) {
        fits.incrementAndGet();
        KnownPapers known = new KnownPapers(papers, settings.featuresKept());
        long readAt = known.catchUp(); // before the sample is read, so that its features may be kept
        List<String> pool = window.papers(DateWindow.MONTH.first(day), day).stream().map(PaperSummary::id).sorted()
                .toList();
        List<Paper> sample = papers.findAll(DaySample.draw(pool, day, settings.termSample(), SEED));
        TermSpace terms = modelSettings.termScale() > 0
                ? TermSpace.fit(sample.stream().map(EmbeddingText::of).toList(), modelSettings.charWeight() > 0) : null;
        List<Paper> backgroundPapers = sample.subList(0, Math.min(settings.backgroundSize(), sample.size()));
        Map<String, float[]> backgroundVectors = usesEmbeddings()
                ? vectors.vectors(backgroundPapers, settings.embedPerRequest()) : Map.of();
        int dimension = !usesEmbeddings() ? 0 : backgroundVectors.values().stream().findFirst()
                .map(v -> v.length).orElseGet(() -> embedder.get().model().dimension());
        ReaderModels models = new ReaderModels(modelSettings, dimension, terms);
        Space partial = new Space(generation, day, clock.instant(), terms, models, null, dimension, known);
        List<PaperFeatures> background = features(partial, backgroundPapers, new PaperFeatures[backgroundPapers.size()],
                backgroundVectors, false, readAt);
        return new Space(generation, day, partial.fittedAt(), terms, models, models.background(background), dimension,
                partial.known());
    }

    private static boolean embedded(Space s, float[] vector) {
        return vector != null && vector.length == s.dimension();
    }

    private boolean usesEmbeddings() {
        return modelSettings.embeddingScale() > 0;
    }

    private Trained train(long readerId, long collectionId, Space s) {
        TrainingSet set = library.trainingSet(readerId, collectionId);
        return train(set, s, s.known().catchUp()); // caught up before the papers are read
    }

    /** @param readAt {@link KnownPapers#catchUp()} after {@code set} was read and before its papers are */
    private Trained train(TrainingSet set, Space s, long readAt) {
        List<String> positiveIds = new ArrayList<>(set.positives().stream().map(SavedPaper::paperId).toList());
        java.util.Collections.reverse(positiveIds); // the model takes them oldest first
        Map<String, KnownPapers.Known> known = positives(s, positiveIds, readAt);
        List<String> notInStore = positiveIds.stream().filter(id -> !known.containsKey(id)).toList();
        List<PaperFeatures> positives = positiveIds.stream().map(known::get)
                .filter(k -> k != null && k.features() != null).map(KnownPapers.Known::features).toList();
        if (positives.isEmpty()) {
            return new Trained(Optional.empty(), Map.of(), notInStore);
        }
        List<PaperFeatures> negatives = set.negatives().isEmpty() ? List.of() : features(s, papers.findAll(
                set.negatives().stream().map(RatedPaper::paperId).toList()), readAt, Integer.MAX_VALUE, false);
        trainings.incrementAndGet();
        long collectionId = set.collection().id();
        ReaderModel model = s.models().train(positives, negatives, s.background(), SEED ^ collectionId);
        Map<String, String> titles = new HashMap<>();
        known.forEach((id, k) -> titles.put(id, k.title()));
        return new Trained(Optional.of(model), Map.copyOf(titles), notInStore);
    }

    /**
     * The collection's papers that the store holds, by id: features and title, read from the store only for those
     * not read since they last changed ({@link KnownPapers}). A paper without an embedding (none could be made) has
     * its title and no features.
     *
     * @param readAt {@link KnownPapers#catchUp()} before this call
     */
    private Map<String, KnownPapers.Known> positives(Space s, List<String> ids, long readAt) {
        Map<String, KnownPapers.Known> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            KnownPapers.Known k = s.known().get(id);
            if (k != null) {
                out.put(id, k);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<Paper> read = papers.findAll(missing); // papers not harvested yet are not known
        Map<String, PaperFeatures> made = new HashMap<>();
        features(s, read, readAt, Integer.MAX_VALUE, false).forEach(f -> made.put(f.id(), f)); // kept there
        read.forEach(p -> out.put(p.id(), new KnownPapers.Known(made.get(p.id()), p.title())));
        return out;
    }

    private Candidates candidates(Space s, LocalDate since, long storeSeq) {
        return candidates.get(new CandidateKey(s.generation(), since, s.referenceDay(), storeSeq), key -> {
            long readAt = s.known().catchUp(); // before the candidates are read
            List<PaperSummary> listed = window.papers(since, s.referenceDay()).stream()
                    .sorted(Comparator.comparing(PaperSummary::id)).toList();
            List<PaperFeatures> features = features(s, papers.findAll(listed.stream().map(PaperSummary::id).toList()),
                    readAt, settings.embedPerRequest(), true);
            Map<String, PaperFeatures> byId = new HashMap<>();
            features.forEach(f -> byId.put(f.id(), f));
            List<Candidate> list = listed.stream().filter(p -> byId.containsKey(p.id()))
                    .map(p -> new Candidate(p, byId.get(p.id()))).toList();
            return Candidates.of(list, s.models().dayTerms(features));
        });
    }

    /**
     * The features of {@code list}, those read since their paper last changed taken from {@link KnownPapers}.
     *
     * @param readAt {@link KnownPapers#catchUp()} before {@code list} was read from the store
     */
    private List<PaperFeatures> features(Space s, List<Paper> list, long readAt, int embedAtMost,
            boolean keepUnembedded) {
        PaperFeatures[] known = new PaperFeatures[list.size()];
        List<Paper> unknown = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            KnownPapers.Known k = s.known().get(list.get(i).id());
            known[i] = k == null ? null : k.features();
            if (known[i] == null) {
                unknown.add(list.get(i));
            }
        }
        Map<String, float[]> found = usesEmbeddings() && !unknown.isEmpty() ? vectors.vectors(unknown, embedAtMost) : Map.of();
        return features(s, list, known, found, keepUnembedded, readAt);
    }

    /**
     * The features of {@code list}: {@code known[i]} where set, else made from the vectors {@code found} (by paper id)
     * and kept; one without a vector gets a zero embedding when {@code keepUnembedded}, else is left out.
     */
    private List<PaperFeatures> features(Space s, List<Paper> list, PaperFeatures[] known, Map<String, float[]> found,
            boolean keepUnembedded, long readAt) {
        int[] made = IntStream.range(0, known.length).filter(i -> known[i] == null && (keepUnembedded
                || !usesEmbeddings() || embedded(s, found.get(list.get(i).id())))).toArray();
        TermSpace.Terms[] terms = new TermSpace.Terms[known.length];
        IntStream each = Arrays.stream(made);
        // cutting texts into terms is most of the work for many papers (a batch's libraries): on every core
        (made.length >= PARALLEL_FEATURES ? each.parallel() : each).forEach(i -> terms[i] = s.terms() == null
                ? new TermSpace.Terms(TermVector.EMPTY, TermCounts.EMPTY) : s.terms().terms(EmbeddingText.of(list.get(i))));
        List<PaperFeatures> out = new ArrayList<>(list.size());
        for (int i = 0; i < known.length; i++) {
            if (known[i] != null) {
                out.add(known[i]);
                continue;
            }
            if (terms[i] == null) {
                continue; // no vector yet, and not kept without one
            }
            Paper p = list.get(i);
            float[] v = found.get(p.id());
            boolean embedded = embedded(s, v);
            TermSpace.Terms t = terms[i];
            PaperFeatures f = new PaperFeatures(p.id(), embedded ? v : new float[s.dimension()], t);
            if (embedded || !usesEmbeddings()) { // one waiting for its vector is made again until it has it
                s.known().put(p.id(), new KnownPapers.Known(f, p.title()), readAt);
            }
            out.add(f);
        }
        return out;
    }
}
