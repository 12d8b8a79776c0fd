package org.paperwire.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.TestConfigs;
import org.paperwire.digest.MutableClock;
import org.paperwire.library.LibraryException;
import org.paperwire.library.Rating;
import org.paperwire.paper.DateWindow;
import org.paperwire.search.WordHashEmbedder;
import org.paperwire.web.TestServer;

/**
 * Issue 10, points 5 and 6 on the product side: {@link Recommendations} over the store, on a fixed clock with the
 * word-hash stand-in model. A graph reader gets graph papers first, with the library papers they are closest to;
 * models are trained once per collection revision and again after a rating; saved and rated papers never come back.
 */
class RecommendationsTest {
    @TempDir
    Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-06-30T10:00:00Z"));
    Paperwire app;
    Recommendations recs;
    long reader;
    long collection;

    @BeforeEach
    void start() {
        app = new Paperwire(TestConfigs.from(TestServer.settings(dir)), clock, model -> new WordHashEmbedder());
        app.papers().upsertAll(RecsCorpus.papers());
        app.subscriptions().add("alice@example.org", List.of(), true);
        reader = app.subscribers().findByEmail("alice@example.org").orElseThrow().id();
        app.library().saveAll(reader, "Library", RecsCorpus.LIBRARY);
        collection = app.library().defaultCollection(reader).id();
        recs = app.recommendations();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    List<String> ids(List<Recommendation> list) {
        return list.stream().map(r -> r.paper().id()).toList();
    }

    LocalDate week() {
        return DateWindow.WEEK.first(RecsCorpus.REFERENCE_DAY);
    }

    @Test
    void aGraphReaderGetsThisWeeksGraphPapersBeforeTheVisionOnes() {
        assertThat(recs.referenceDay()).isEqualTo(RecsCorpus.REFERENCE_DAY);
        List<Recommendation> list = recs.recommend(reader, collection, week(), 20);
        assertThat(ids(list)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(RecsCorpus.GRAPH_THIS_WEEK.stream(), RecsCorpus.VISION_THIS_WEEK.stream())
                        .toList());
        assertThat(ids(list).subList(0, 4)).containsExactlyInAnyOrderElementsOf(RecsCorpus.GRAPH_THIS_WEEK);
        assertThat(list).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        Recommendation top = list.get(0);
        assertThat(top.because()).hasSizeBetween(1, 3);
        assertThat(top.because()).allSatisfy(reason -> {
            assertThat(RecsCorpus.LIBRARY).contains(reason.id());
            assertThat(reason.title()).contains("study");
        });
    }

    @Test
    void todayHasOnlyTheReferenceDaysPapersAndTheLimitHolds() {
        assertThat(ids(recs.recommend(reader, collection, RecsCorpus.REFERENCE_DAY, 20))).containsExactly(
                RecsCorpus.GRAPH_THIS_WEEK.get(3), RecsCorpus.VISION_THIS_WEEK.get(3));
        assertThat(recs.recommend(reader, collection, week(), 3)).hasSize(3);
        assertThat(recs.recommend(reader, collection, RecsCorpus.REFERENCE_DAY.plusDays(1), 20)).isEmpty();
    }

    @Test
    void aModelIsTrainedOncePerRevisionOfItsCollection() {
        recs.recommend(reader, collection, week(), 20);
        recs.recommend(reader, collection, RecsCorpus.REFERENCE_DAY, 5);
        recs.recommend(reader, collection, week(), 20);
        assertThat(recs.trainings()).isEqualTo(1);

        String top = recs.recommend(reader, collection, week(), 1).get(0).paper().id();
        app.library().rate(reader, collection, top, Rating.NOT_FOR_ME);
        List<String> after = ids(recs.recommend(reader, collection, week(), 20));
        assertThat(recs.trainings()).as("the rating changed the collection: trained again").isEqualTo(2);
        assertThat(after).doesNotContain(top).hasSize(7);
        recs.recommend(reader, collection, week(), 20);
        assertThat(recs.trainings()).isEqualTo(2);

        long other = app.library().create(reader, "Vision").id();
        app.library().saveAll(reader, "Vision", List.of(RecsCorpus.VISION_THIS_WEEK.get(0)));
        List<String> vision = ids(recs.recommend(reader, other, week(), 20));
        assertThat(recs.trainings()).as("each collection has its own model").isEqualTo(3);
        assertThat(vision.subList(0, 2)).allMatch(RecsCorpus.VISION_THIS_WEEK::contains);
        assertThat(vision).as("saved anywhere: left out").doesNotContain(RecsCorpus.VISION_THIS_WEEK.get(0));
    }

    @Test
    void aPaperSavedBeforeTheStoreHadItCountsOnceAHarvestBringsIt() {
        long later = app.library().create(reader, "Later").id();
        String early = RecsCorpus.id(501);
        app.library().saveAll(reader, "Later", List.of(early));
        assertThat(recs.recommend(reader, later, week(), 20)).as("nothing of the collection is known yet").isEmpty();
        assertThat(recs.recommend(reader, later, week(), 20)).isEmpty();
        long before = recs.trainings();

        app.papers().upsertAll(List.of(RecsCorpus.laterVisionPaper(501, "2026-05-20")));
        List<String> now = ids(recs.recommend(reader, later, week(), 20));
        assertThat(recs.trainings()).as("trained again once the paper came, not at the next daily refit")
                .isEqualTo(before + 1);
        assertThat(now.subList(0, 4)).containsExactlyInAnyOrderElementsOf(RecsCorpus.VISION_THIS_WEEK);
        recs.recommend(reader, later, week(), 20);
        assertThat(recs.trainings()).as("and only once").isEqualTo(before + 1);
    }

    @Test
    void aLibraryPaperCorrectedInTheStoreIsReadAgainByTheNextTraining() {
        List<Recommendation> first = recs.recommend(reader, collection, week(), 20);
        assertThat(first).allSatisfy(r -> assertThat(r.because()).allSatisfy(b -> assertThat(b.title()).doesNotStartWith("Corrected")));
        List<org.paperwire.paper.Paper> corrected = app.papers().findAll(RecsCorpus.LIBRARY).stream()
                .map(p -> new org.paperwire.paper.Paper(p.id(), p.version() + 1, "Corrected " + p.title(), p.abstractText(),
                        p.authors(), p.categories(), p.comment(), p.journalRef(), p.doi(), p.firstSubmitted(),
                        p.lastUpdated(), p.listedOn()))
                .toList();
        app.papers().upsertAll(corrected);
        app.library().rate(reader, collection, first.get(0).paper().id(), Rating.NOT_FOR_ME); // trains again

        List<Recommendation> after = recs.recommend(reader, collection, week(), 20);
        assertThat(recs.trainings()).isEqualTo(2);
        assertThat(after).isNotEmpty().allSatisfy(r -> assertThat(r.because()).isNotEmpty()
                .allSatisfy(b -> assertThat(b.title()).as("read again, not kept from the first training")
                        .startsWith("Corrected")));
    }

    @Test
    void prepareTrainsEveryCollectionOfTheReadersAheadAndTheRequestsFindThem() {
        long vision = app.library().create(reader, "Vision").id();
        app.library().saveAll(reader, "Vision", List.of(RecsCorpus.VISION_THIS_WEEK.get(0)));
        app.subscriptions().add("bob@example.org", List.of(), true);
        long bob = app.subscribers().findByEmail("bob@example.org").orElseThrow().id();
        app.library().saveAll(bob, "Library", RecsCorpus.GRAPH_THIS_WEEK.subList(0, 2));

        recs.prepare(List.of(reader, bob));
        assertThat(recs.trainings()).as("three collections of two readers").isEqualTo(3);
        recs.prepare(List.of(reader, bob));
        assertThat(recs.trainings()).as("nothing changed: nothing to train").isEqualTo(3);

        assertThat(recs.recommend(reader, collection, week(), 20)).isNotEmpty();
        assertThat(recs.recommend(reader, vision, week(), 20)).isNotEmpty();
        assertThat(recs.recommend(bob, app.library().defaultCollection(bob).id(), week(), 20)).isNotEmpty();
        assertThat(recs.trainings()).as("the requests used the models trained ahead").isEqualTo(3);
    }

    @Test
    void preparingReadersWithoutALibraryFitsAndTrainsNothing() {
        app.subscriptions().add("carol@example.org", List.of(), true);
        long carol = app.subscribers().findByEmail("carol@example.org").orElseThrow().id();

        recs.prepare(List.of(carol));
        assertThat(recs.fits()).as("no term space, no background embedded").isZero();
        assertThat(recs.trainings()).isZero();
    }

    @Test
    void theSpaceIsRefittedDailyNotPerRequest() {
        recs.recommend(reader, collection, week(), 20);
        recs.recommend(reader, collection, week(), 20);
        assertThat(recs.fits()).isEqualTo(1);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        recs.recommend(reader, collection, week(), 20);
        assertThat(recs.fits()).isEqualTo(2);
        assertThat(recs.trainings()).as("models of the old space are dropped with it").isEqualTo(2);
    }

    @Test
    void sameLibrarySameScores() {
        double first = recs.recommend(reader, collection, week(), 1).get(0).score();
        clock.advance(Duration.ofDays(2));
        assertThat(recs.recommend(reader, collection, week(), 1).get(0).score()).isEqualTo(first);
    }

    @Test
    void anEmptyCollectionRecommendsNothingAndAnotherReadersCollectionIsNotFound() {
        long empty = app.library().create(reader, "Empty").id();
        assertThat(recs.recommend(reader, empty, week(), 20)).isEmpty();
        app.subscriptions().add("bob@example.org", List.of(), true);
        long bob = app.subscribers().findByEmail("bob@example.org").orElseThrow().id();
        assertThatThrownBy(() -> recs.recommend(bob, collection, week(), 20)).isInstanceOf(LibraryException.class);
    }
}
