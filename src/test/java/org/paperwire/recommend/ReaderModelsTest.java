package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-collection model (issue 10, item 5) on small hand-made vectors and a fixed seed. */
class ReaderModelsTest {
    private static final int D = 4;
    private static final long SEED = 7;
    private final ReaderModels models = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5), D, 0);

    /** A unit vector near axis {@code axis}, jittered by {@code random}. */
    private static PaperFeatures near(String id, int axis, SplittableRandom random) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = (float) (0.15 * random.nextDouble());
        }
        v[axis] += 1;
        return paper(id, v);
    }

    private static PaperFeatures paper(String id, float... v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] unit = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            unit[k] = (float) (v[k] / Math.sqrt(norm));
        }
        return new PaperFeatures(id, unit, TermVector.EMPTY);
    }

    private static List<PaperFeatures> cluster(String prefix, int axis, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PaperFeatures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(near(prefix + i, axis, random));
        }
        return out;
    }

    /** Background spread over every axis. */
    private ReaderModels.Background background() {
        List<PaperFeatures> all = new ArrayList<>();
        for (int axis = 0; axis < D; axis++) {
            all.addAll(cluster("bg" + axis + "-", axis, 25, axis));
        }
        return models.background(all);
    }

    @Test
    void theBackgroundIsSplitIntoBagsOfConsecutivePapers() {
        ReaderModels bagged = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 0, 50, 0, 3), D, 0);
        List<PaperFeatures> papers = cluster("bg", 0, 100, 3);

        ReaderModels.Background background = bagged.background(papers);

        assertThat(background.bags()).extracting(ReaderModels.Bag::size).containsExactly(33, 33, 34);
        assertThat(background.bags().get(1).paper(0)).isSameAs(papers.get(33));
        assertThat(background.size()).isEqualTo(100);
        assertThat(bagged.background(papers.subList(0, 2)).bags()).as("fewer papers than bags: a bag each")
                .extracting(ReaderModels.Bag::size).containsExactly(1, 1);
        assertThat(bagged.background(List.of()).bags()).extracting(ReaderModels.Bag::size).containsExactly(0);
    }

    @Test
    void aBaggedModelScoresTheMeanOfTheModelsTrainedAgainstEachBag() {
        List<PaperFeatures> all = new ArrayList<>();
        for (int axis = 0; axis < D; axis++) {
            all.addAll(cluster("bg" + axis + "-", axis, 24, axis));
        }
        java.util.Collections.shuffle(all, new java.util.Random(5));
        ReaderModels bagged = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 0, 50, 0, 3), D, 0);
        List<PaperFeatures> library = cluster("lib", 0, 8, 1);
        library.addAll(cluster("lib2-", 1, 4, 2));
        List<PaperFeatures> notForMe = cluster("no", 2, 2, 4);
        List<PaperFeatures> candidates = new ArrayList<>();
        for (int axis = 0; axis < D; axis++) {
            candidates.addAll(cluster("c" + axis + "-", axis, 5, 10 + axis));
        }

        double[] mean = new double[candidates.size()];
        for (int b = 0; b < 3; b++) {
            double[] one = models.train(library, notForMe, models.background(all.subList(b * 32, (b + 1) * 32)), SEED)
                    .score(candidates);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += one[i] / 3;
            }
        }
        double[] scores = bagged.train(library, notForMe, bagged.background(all), SEED).score(candidates);

        for (int i = 0; i < mean.length; i++) {
            assertThat(scores[i]).as(candidates.get(i).id()).isCloseTo(mean[i], org.assertj.core.data.Offset.offset(1e-5));
        }
        double[] whole = models.train(library, notForMe, models.background(all), SEED).score(candidates);
        assertThat(scores).as("not the model trained against all the papers at once").isNotEqualTo(whole);
    }

    @Test
    void aTrainedModelRanksPapersLikeTheCollectionAboveTheRest() {
        ReaderModel model = models.train(cluster("lib", 0, 10, 1), List.of(), background(), SEED);

        assertThat(model.kind()).isEqualTo(ReaderModel.Kind.TRAINED);
        SplittableRandom random = new SplittableRandom(99);
        double like = model.score(near("like", 0, random));
        for (int axis = 1; axis < D; axis++) {
            assertThat(model.score(near("other" + axis, axis, random))).isLessThan(like);
        }
    }

    @Test
    void explicitNegativesPushTheirNeighboursDown() {
        // the collection spans axes 0 and 1; the reader said "not for me" to papers near axis 1
        List<PaperFeatures> positives = new ArrayList<>(cluster("a", 0, 6, 1));
        positives.addAll(cluster("b", 1, 6, 2));
        ReaderModel without = models.train(positives, List.of(), background(), SEED);
        ReaderModel with = models.train(positives, cluster("no", 1, 6, 3), background(), SEED);

        PaperFeatures axis0 = near("x0", 0, new SplittableRandom(5));
        PaperFeatures axis1 = near("x1", 1, new SplittableRandom(5));
        double marginWithout = without.score(axis0) - without.score(axis1);
        double marginWith = with.score(axis0) - with.score(axis1);
        assertThat(marginWith).isGreaterThan(marginWithout);
        assertThat(marginWith).isPositive();
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() {
        List<PaperFeatures> positives = cluster("lib", 2, 8, 4);
        List<PaperFeatures> candidates = cluster("c", 1, 5, 6);
        candidates.addAll(cluster("d", 2, 5, 7));

        double[] first = models.train(positives, List.of(), background(), SEED).score(candidates);
        double[] second = models.train(positives, List.of(), background(), SEED).score(candidates);

        assertThat(second).containsExactly(first);
    }

    @Test
    void withFewerThanFivePositivesTheModelIsSimilarityWithRecentAdditionsWeighingMore() {
        // oldest first: two old papers near axis 0, then the two newest near axis 1 and 0
        List<PaperFeatures> positives = List.of(paper("old0", 1, 0, 0, 0), paper("old1", 0, 0, 1, 0),
                paper("new1", 0, 1, 0, 0));

        ReaderModel model = models.train(positives, List.of(), background(), SEED);

        assertThat(model.kind()).isEqualTo(ReaderModel.Kind.SIMILARITY);
        // the newest paper (axis 1) weighs 1, the oldest (axis 0) 1 / (1 + log10 3)
        assertThat(model.score(paper("c1", 0, 1, 0, 0))).isGreaterThan(model.score(paper("c2", 0, 0, 1, 0)));
        assertThat(model.score(paper("c2", 0, 0, 1, 0))).isGreaterThan(model.score(paper("c0", 1, 0, 0, 0)));
        assertThat(model.score(paper("c3", 0, 0, 0, 1))).isLessThan(model.score(paper("c0", 1, 0, 0, 0)));
    }

    @Test
    void becauseNamesTheClosestLibraryPapersClosestFirstAndNeverThePaperItself() {
        List<PaperFeatures> library = List.of(paper("p0", 1, 0, 0, 0), paper("p1", 1, 1, 0, 0), paper("p2", 0, 1, 0, 0),
                paper("p3", 0, 0, 0, 1), paper("p4", 1, 0.2f, 0, 0));
        ReaderModel model = models.train(library, List.of(), background(), SEED);

        assertThat(model.because(paper("c", 1, 0.1f, 0, 0), 3)).extracting(Because::id).containsExactly("p4", "p0", "p1");
        assertThat(model.because(paper("p0", 1, 0, 0, 0), 2)).extracting(Because::id).containsExactly("p4", "p1");
        assertThat(model.because(paper("c", 0, 0, 0, 1), 1)).singleElement()
                .satisfies(b -> assertThat(b.similarity()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6)));
    }

    @Test
    void anEmptyCollectionOrAWrongDimensionIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> models.train(List.of(), List.of(), background(), SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one paper");
        List<PaperFeatures> wrong = List.of(new PaperFeatures("2501.00001", new float[3], TermVector.EMPTY));
        assertThatThrownBy(() -> models.background(wrong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2501.00001");
    }

    @Test
    void termsCountBesideTheEmbeddingWhenTheyAreUsed() {
        TermSpace space = TermSpace.fit(List.of("graph neural networks", "graph neural networks", "protein folding",
                "protein folding", "galaxy survey", "galaxy survey"), 1, 1.0, 100);
        ReaderModels withTerms = new ReaderModels(new ReaderModels.Settings(1, 1, 1, 5), D, space.size());
        float[] same = {1, 0, 0, 0};
        List<PaperFeatures> positives = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            positives.add(new PaperFeatures("g" + i, same, space.vector("graph neural networks")));
        }
        List<PaperFeatures> background = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            background.add(new PaperFeatures("b" + i, same, space.vector(i % 2 == 0 ? "protein folding" : "galaxy survey")));
        }
        ReaderModel model = withTerms.train(positives, List.of(), withTerms.background(background), SEED);

        // identical embeddings: only the terms can tell these apart
        assertThat(model.score(new PaperFeatures("c1", same, space.vector("neural graph"))))
                .isGreaterThan(model.score(new PaperFeatures("c2", same, space.vector("protein survey"))));
    }

    @Test
    void theLanguageModelPartLiftsTheBestThatShareTheCollectionsOwnWords() {
        // the tf-idf space never saw "tcadgpt"; the papers' word counts keep it
        TermSpace space = TermSpace.fit(List.of("semiconductor simulation", "semiconductor simulation", "protein folding",
                "protein folding", "galaxy survey", "galaxy survey"), 1, 1.0, 100);
        float[] same = {1, 0, 0, 0};
        List<PaperFeatures> library = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            library.add(features("lib" + i, same, space, "semiconductor simulation with TcadGPT"));
        }
        List<PaperFeatures> background = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            background.add(features("b" + i, same, space, i % 2 == 0 ? "protein folding" : "galaxy survey"));
        }
        List<PaperFeatures> candidates = List.of(features("c-plain", same, space, "semiconductor simulation benchmark"),
                features("c-own", same, space, "semiconductor simulation TcadGPT"),
                features("c-far", same, space, "galaxy survey"));
        ReaderModels without = new ReaderModels(new ReaderModels.Settings(1, 1, 1, 5, 0, 3, 0), D, space);
        ReaderModels with = new ReaderModels(new ReaderModels.Settings(1, 1, 1, 5, 0, 3, 1), D, space);
        double[] plain = without.train(library, List.of(), without.background(background), SEED).score(candidates);
        double[] lifted = with.train(library, List.of(), with.background(background), SEED).score(candidates);

        // the same tf-idf vector and embedding: the linear part cannot tell the first two apart, the language model can
        assertThat(plain[0]).isCloseTo(plain[1], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lifted[1]).isGreaterThan(lifted[0]);
        for (int i = 0; i < 3; i++) { // standardised and shifted to start at 0: it never lowers a score
            assertThat(lifted[i]).isGreaterThanOrEqualTo(plain[i] - 1e-9);
        }
        assertThat(lifted[2]).as("the lowest of them gets nothing").isCloseTo(plain[2], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ReaderModel.standardised(new double[] {2, 2})).containsExactly(0, 0);
    }

    private static PaperFeatures features(String id, float[] embedding, TermSpace space, String text) {
        TermSpace.Terms t = space.terms(text);
        return new PaperFeatures(id, embedding, t.vector(), t.counts());
    }

    @Test
    void aTrainedModelAddsTheSimilarityToItsNearestCollectionPaperAndTheFallbackDoesNot() {
        List<PaperFeatures> library = new ArrayList<>(cluster("lib", 0, 6, 1));
        library.addAll(cluster("other", 1, 2, 2)); // a second, smaller topic of the same reader
        ReaderModels plain = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 0), D, 0);
        ReaderModels withNearest = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 3), D, 0);
        ReaderModel linear = plain.train(library, List.of(), plain.background(backgroundPapers()), SEED);
        ReaderModel both = withNearest.train(library, List.of(), withNearest.background(backgroundPapers()), SEED);

        for (PaperFeatures candidate : List.of(paper("a", 0, 1, 0, 0), paper("b", 0.2f, 0.1f, 1, 0),
                paper("c", 1, 0, 0, 0.3f))) {
            double nearest = 0;
            for (PaperFeatures saved : library) {
                nearest = Math.max(nearest, Vectors.dot(saved.embedding(), candidate.embedding()));
            }
            assertThat(both.score(candidate) - linear.score(candidate)).as(candidate.id())
                    .isCloseTo(3 * nearest, org.assertj.core.data.Offset.offset(1e-5));
        }
        ReaderModel fallback = withNearest.train(cluster("few", 0, 3, 3), List.of(),
                withNearest.background(backgroundPapers()), SEED);
        ReaderModel fallbackPlain = plain.train(cluster("few", 0, 3, 3), List.of(), plain.background(backgroundPapers()),
                SEED);
        assertThat(fallback.kind()).isEqualTo(ReaderModel.Kind.SIMILARITY);
        assertThat(fallback.score(paper("a", 0, 1, 0, 0))).isEqualTo(fallbackPlain.score(paper("a", 0, 1, 0, 0)));
    }

    /** {@code p} with a character n-gram sketch (any length: the model only takes dot products of them). */
    private static PaperFeatures withChars(PaperFeatures p, float... chars) {
        return new PaperFeatures(p.id(), p.embedding(), p.terms(), p.counts(), CharSketch.of(chars));
    }

    /** A model of {@code library} against {@link #backgroundPapers()}, embeddings only, with the weights given. */
    private static ReaderModel trained(List<PaperFeatures> library, double nearestWeight, double charWeight) {
        ReaderModels models = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, nearestWeight, 50, 0, 1, charWeight),
                D, 0);
        return models.train(library, List.of(), models.background(backgroundPapers()), SEED);
    }

    @Test
    void aTrainedModelAddsTheMeanOfTheThreeHighestCharacterCosinesToItsCollection() {
        List<PaperFeatures> library = new ArrayList<>();
        List<PaperFeatures> plainLibrary = cluster("lib", 0, 6, 1);
        float[][] sketches = {{1, 0, 0}, {0.8f, 0.6f, 0}, {0, 1, 0}, {0, 0.6f, 0.8f}, {0, 0, 1}, {0.6f, 0, 0.8f}};
        for (int i = 0; i < plainLibrary.size(); i++) {
            library.add(withChars(plainLibrary.get(i), sketches[i]));
        }
        ReaderModel linear = trained(library, 0, 0);
        ReaderModel both = trained(library, 0, 2);

        PaperFeatures candidate = withChars(paper("a", 1, 0.2f, 0, 0), 1, 0, 0);
        // cosines with the collection: 1, 0.8, 0, 0, 0, 0.6; the three highest average 0.8 (0.6 is 0.598 in bytes)
        assertThat(both.score(candidate) - linear.score(candidate)).isCloseTo(2 * 0.8, org.assertj.core.data.Offset.offset(0.002));
        double[] ranked = both.score(List.of(candidate));
        assertThat(ranked[0]).isCloseTo(both.score(candidate), org.assertj.core.data.Offset.offset(1e-9));
        PaperFeatures unsketched = paper("b", 1, 0.2f, 0, 0);
        assertThat(both.score(unsketched)).as("a paper without a sketch gets no character part")
                .isCloseTo(linear.score(unsketched), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void onlyTheCollectionPapersNearestByEmbeddingHaveTheirCharactersCompared() {
        List<PaperFeatures> library = new ArrayList<>();
        for (PaperFeatures p : cluster("lib", 0, ReaderModel.CHAR_READ, 1)) {
            library.add(withChars(p, 0, 1, 0)); // near the candidate by meaning, nothing alike in wording
        }
        library.add(withChars(paper("far", 0, 0, 0, 1), 1, 0, 0)); // far by meaning, the same wording
        ReaderModel linear = trained(library, 0, 0);
        ReaderModel both = trained(library, 0, 2);

        PaperFeatures candidate = withChars(paper("a", 1, 0.1f, 0, 0), 1, 0, 0);
        assertThat(both.score(candidate) - linear.score(candidate)).as("the far paper's sketch is not read")
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rankingManyPapersAddsTheCharacterPartToTheBestByEveryOtherPartOnly() {
        SplittableRandom random = new SplittableRandom(13);
        List<PaperFeatures> library = new ArrayList<>();
        for (PaperFeatures p : cluster("lib", 0, 8, 1)) {
            library.add(withChars(p, (float) random.nextDouble(), (float) random.nextDouble(), 1));
        }
        ReaderModel withoutChars = trained(library, 3, 0);
        ReaderModel model = trained(library, 3, 2);
        List<PaperFeatures> candidates = new ArrayList<>();
        for (int i = 0; i < ReaderModel.CHAR_DEPTH + 10; i++) {
            candidates.add(withChars(near("c" + i, i % D, random), (float) random.nextDouble(), 1, 0));
        }

        double[] otherScores = withoutChars.score(candidates);
        double[] scores = model.score(candidates);
        int[] best = ReaderModel.best(otherScores, ReaderModel.CHAR_DEPTH);
        for (int i = 0; i < candidates.size(); i++) {
            int at = i;
            boolean charred = java.util.Arrays.stream(best).anyMatch(b -> b == at);
            double expected = charred ? model.score(candidates.get(i)) : otherScores[i];
            assertThat(scores[i]).as(candidates.get(i).id() + (charred ? " (with its character part)" : ""))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(model.score(candidates.get(i))).isGreaterThan(otherScores[i] + 1e-3);
        }
    }

    private static List<PaperFeatures> backgroundPapers() {
        List<PaperFeatures> all = new ArrayList<>();
        for (int axis = 0; axis < D; axis++) {
            all.addAll(cluster("bg" + axis + "-", axis, 25, axis));
        }
        return all;
    }

    @Test
    void rankingManyPapersAddsTheNearestPartToTheLinearBestOnly() {
        List<PaperFeatures> library = cluster("lib", 0, 8, 1);
        ReaderModels plain = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 0), D, 0);
        ReaderModels reranking = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 3, 4), D, 0);
        ReaderModel linear = plain.train(library, List.of(), plain.background(backgroundPapers()), SEED);
        ReaderModel model = reranking.train(library, List.of(), reranking.background(backgroundPapers()), SEED);
        List<PaperFeatures> candidates = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 12; i++) {
            candidates.add(near("c" + i, i % D, random));
        }

        double[] linearScores = linear.score(candidates);
        double[] scores = model.score(candidates);
        int[] best = ReaderModel.best(linearScores, 4);
        assertThat(best).hasSize(4);
        for (int i = 0; i < candidates.size(); i++) {
            int at = i;
            boolean reranked = java.util.Arrays.stream(best).anyMatch(b -> b == at);
            double expected = reranked ? model.score(candidates.get(i)) : linearScores[i];
            assertThat(scores[i]).as(candidates.get(i).id() + (reranked ? " (re-ranked)" : ""))
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            if (!reranked) {
                for (int b : best) {
                    assertThat(linearScores[b]).isGreaterThanOrEqualTo(linearScores[i]);
                }
            }
        }
    }

    @Test
    void aRankingNamesTheSameClosestPapersAsTheModelWhetherItReRankedThePaperOrNot() {
        List<PaperFeatures> library = cluster("lib", 0, 8, 1);
        ReaderModels reranking = new ReaderModels(new ReaderModels.Settings(1, 0, 1, 5, 3, 4), D, 0);
        ReaderModel model = reranking.train(library, List.of(), reranking.background(backgroundPapers()), SEED);
        List<PaperFeatures> candidates = new ArrayList<>(library.subList(0, 2)); // a collection paper never names itself
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 12; i++) {
            candidates.add(near("c" + i, i % D, random));
        }

        ReaderModel.Ranking ranking = model.rank(candidates, null);
        assertThat(ranking.scores()).containsExactly(model.score(candidates));
        for (int i = 0; i < candidates.size(); i++) {
            for (int max : new int[] {0, 1, 3, 20}) {
                assertThat(ranking.because(i, max)).as(candidates.get(i).id() + ", " + max)
                        .isEqualTo(model.because(candidates.get(i), max));
            }
        }
    }

    @Test
    void theTopIsOrderedByScoreThenIdAndKeepsEveryTieAtItsEdgeInIdOrder() {
        List<PaperFeatures> papers = List.of(paper("d", 1, 0, 0, 0), paper("b", 1, 0, 0, 0), paper("a", 1, 0, 0, 0),
                paper("c", 1, 0, 0, 0), paper("e", 1, 0, 0, 0));
        double[] scores = {0.5, 0.9, 0.5, 0.5, 0.1};

        assertThat(ReaderModel.top(scores, papers, 3)).containsExactly(1, 2, 3); // b, then a and c of the tied d, a, c
        assertThat(ReaderModel.top(scores, papers, 10)).containsExactly(1, 2, 3, 0, 4);
        assertThat(ReaderModel.top(scores, papers, 0)).isEmpty();
        assertThat(ReaderModel.best(scores, 2)).containsExactly(0, 1); // ties by position

        // a hundred tied at the edge: more than are sorted by insertion
        List<PaperFeatures> many = new ArrayList<>();
        double[] tied = new double[102];
        for (int i = 0; i < tied.length; i++) {
            many.add(paper(String.format("p%03d", 101 - i), 1, 0, 0, 0));
            tied[i] = i == 50 ? 2 : i == 7 ? -1 : 1;
        }
        assertThat(ReaderModel.top(tied, many, 4)).containsExactly(50, 101, 100, 99); // p051, then p000, p001, p002
    }

    @Test
    void theKthHighestScoreIsTheOneSortingWouldPutThereTiesAndSignedZerosIncluded() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int round = 0; round < 2_000; round++) {
            double[] scores = new double[1 + random.nextInt(60)];
            for (int i = 0; i < scores.length; i++) { // few distinct values, so that ties are common
                scores[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(5) - 2;
                    case 1 -> -0.0;
                    default -> random.nextGaussian();
                };
            }
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            int k = 1 + random.nextInt(scores.length);

            assertThat(Double.compare(ReaderModel.kthHighest(scores, k), sorted[sorted.length - k]))
                    .as("k=%d of %s", k, Arrays.toString(scores)).isZero();
        }
    }

    @Test
    void becauseNamesTheClosestCollectionPapersClosestFirstAndNeverThePaperItself() {
        List<PaperFeatures> library = List.of(paper("x", 1, 0, 0, 0), paper("y", 1, 1, 0, 0), paper("z", 0, 0, 1, 0),
                paper("w", 1, 1, 0, 0));
        ReaderModel model = models.train(library, List.of(), background(), SEED); // a fallback: 4 < 5 papers

        assertThat(model.because(paper("q", 1, 0.2f, 0, 0), 3)).extracting(Because::id).containsExactly("x", "w", "y");
        assertThat(model.because(paper("x", 1, 0, 0, 0), 2)).extracting(Because::id).containsExactly("w", "y");
        assertThat(model.because(paper("q", 1, 0, 0, 0), 0)).isEmpty();
    }
}
