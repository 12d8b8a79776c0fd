package org.paperwire.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.paperwire.config.KnownIds;
import org.paperwire.config.PaperwireConfig;
import org.paperwire.db.Database;
import org.paperwire.db.StoreKind;
import org.paperwire.digest.AuthorSource;
import org.paperwire.digest.DigestBatches;
import org.paperwire.digest.DigestBuilder;
import org.paperwire.digest.DigestMails;
import org.paperwire.digest.RecommendationSource;
import org.paperwire.digest.DigestOutbox;
import org.paperwire.digest.DigestRunner;
import org.paperwire.digest.DigestSource;
import org.paperwire.digest.MailOutbox;
import org.paperwire.digest.OutboxQueue;
import org.paperwire.digest.SavedSearchSource;
import org.paperwire.digest.SendSignal;
import org.paperwire.digest.JdbcDigestOutbox;
import org.paperwire.digest.JdbcMailOutbox;
import org.paperwire.digest.TrendingSource;
import org.paperwire.ingest.HarvestService;
import org.paperwire.ingest.HarvestSource;
import org.paperwire.ingest.PaperIngestor;
import org.paperwire.ingest.SourceStatusStore;
import org.paperwire.ingest.JdbcSourceStatusStore;
import org.paperwire.ingest.arxiv.ArxivApiSource;
import org.paperwire.ingest.arxiv.ArxivSources;
import org.paperwire.ingest.arxiv.OaiPmhSource;
import org.paperwire.ingest.bulk.BulkImporter;
import org.paperwire.ingest.http.PoliteFetcher;
import org.paperwire.ingest.http.Sleeper;
import org.paperwire.ingest.huggingface.HuggingFaceSource;
import org.paperwire.library.JdbcLibraryStore;
import org.paperwire.library.LibraryService;
import org.paperwire.library.RatingLinks;
import org.paperwire.recommend.Recommender;
import org.paperwire.mail.Mailer;
import org.paperwire.mail.Mailers;
import org.paperwire.paper.PaperStore;
import org.paperwire.paper.JdbcPaperStore;
import org.paperwire.reader.JdbcSessionStore;
import org.paperwire.reader.SignInMails;
import org.paperwire.reader.SignInService;
import org.paperwire.recommend.ReaderModels;
import org.paperwire.recommend.Recommendations;
import org.paperwire.schedule.JdbcLeases;
import org.paperwire.schedule.Leases;
import org.paperwire.schedule.NodeId;
import org.paperwire.schedule.PeriodicTask;
import org.paperwire.search.FieldWeights;
import org.paperwire.search.Fusion;
import org.paperwire.search.SearchEngine;
import org.paperwire.search.SearchService;
import org.paperwire.search.embed.Embedder;
import org.paperwire.search.embed.EmbeddingModel;
import org.paperwire.search.embed.JdbcEmbeddingLeases;
import org.paperwire.search.embed.LazyEmbedder;
import org.paperwire.search.embed.OnnxEmbedder;
import org.paperwire.search.embed.QueryCachingEmbedder;
import org.paperwire.search.embed.JdbcEmbeddingCache;
import org.paperwire.subscription.LinkTokens;
import org.paperwire.subscription.Links;
import org.paperwire.subscription.Preferences;
import org.paperwire.subscription.JdbcSubscriberStore;
import org.paperwire.subscription.SubscriberStore;
import org.paperwire.subscription.SubscriptionService;
import org.paperwire.trending.SignalStore;
import org.paperwire.trending.JdbcSignalStore;
import org.paperwire.trending.TrendingFormula;
import org.paperwire.trending.TrendingService;
import org.paperwire.trending.ViewCounter;
import org.paperwire.trending.VoteService;
import org.paperwire.web.NodeStatus;
import org.paperwire.web.Secrets;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the store, services and harvest sources from one validated configuration.
 * Everything is passed through constructors; two instances can live in one JVM (tests do this).
 */
public final class Paperwire implements AutoCloseable {
    /** How long closing waits for a page-view write or a deletion of expired pending subscriptions under way. */
    private static final Duration HOUSEKEEPING_STOP_WAIT = Duration.ofSeconds(5);
    private final PaperwireConfig config;
    private final Clock clock;
    private final Database database;
    /** This node's name in leases and outbox claims, and the leases it takes (issue 11). */
    private final NodeId node = NodeId.create();
    private final Leases leases;
    private final PaperStore papers;
    private final SourceStatusStore sourceStatuses;
    private final PaperIngestor ingestor;
    private final HarvestService harvests;
    private SearchEngine search;
    private final BulkImporter bulkImporter;
    private final SignalStore signals;
    private final TrendingService trending;
    private final VoteService votes;
    private final ViewCounter views;
    private PeriodicTask viewFlusher;
    private PeriodicTask pendingCleaner;
    private final SubscriberStore subscribers;
    private final DigestOutbox digestOutbox;
    private final MailOutbox mailOutbox;
    private final SendSignal mailQueued = new SendSignal();
    private final byte[] secret;
    private final Links links;
    private final DigestMails digestMails;
    private Mailer mailer;
    private SubscriptionService subscriptions;
    private DigestRunner digests;
    private final UnaryOperator<Embedder> searchEmbedder;
    private final UnaryOperator<Recommender> recommender;
    private final LibraryService library;
    private final RatingLinks ratingLinks;
    private SignInService signIns;
    private Recommendations recommendations;

    public Paperwire(PaperwireConfig config, Clock clock) {
        this(config, clock, UnaryOperator.identity());
    }

    /**
     * @param searchEmbedder wraps the embedder search and digests use (query vectors cached); tests count its calls
     */
    public Paperwire(PaperwireConfig config, Clock clock, UnaryOperator<Embedder> searchEmbedder) {
        this(config, clock, searchEmbedder, UnaryOperator.identity());
    }

    /**
     * @param searchEmbedder wraps the embedder search and digests use (query vectors cached); tests count its calls
     * @param recommender wraps the recommender digests use; tests put their own in
     */
    public Paperwire(PaperwireConfig config, Clock clock, UnaryOperator<Embedder> searchEmbedder,
            UnaryOperator<Recommender> recommender) {
        this.searchEmbedder = searchEmbedder;
        this.recommender = recommender;
        this.config = config;
        this.clock = clock;
        this.database = Database.open(config.dataDir(), config.store());
        this.leases = new JdbcLeases(database.dataSource());
        this.papers = new JdbcPaperStore(database.dataSource(), clock);
        this.sourceStatuses = new JdbcSourceStatusStore(database.dataSource());
        this.ingestor = new PaperIngestor(papers);
        this.signals = new JdbcSignalStore(database.dataSource(), database.kind());
        PaperwireConfig.TrendingConfig t = config.trending();
        this.trending = new TrendingService(signals, new TrendingFormula(t.gravity(), t.baseHours(), t.votesWeight(),
                t.hfUpvotesWeight(), t.githubStarsWeight(), t.viewsWeight()), clock, t.cacheTtl());
        this.votes = new VoteService(signals, papers, trending, clock, config.web().votesPerNetworkPerPaper());
        this.views = new ViewCounter(signals, clock, config.web().viewsPerNetworkPerPaper());
        List<HarvestSource> sources = new ArrayList<>(ArxivSources.create(config, ingestor, clock));
        sources.add(huggingFace(config, clock));
        this.harvests = new HarvestService(sources, sourceStatuses, leases, node, clock,
                config.harvest().interval(), config.harvest().retryDelay());
        this.bulkImporter = new BulkImporter(ingestor);
        this.subscribers = new JdbcSubscriberStore(database.dataSource());
        this.digestOutbox = new JdbcDigestOutbox(database.dataSource(), database.kind());
        this.mailOutbox = new JdbcMailOutbox(database.dataSource(), database.kind());
        this.secret = Secrets.loadOrCreate(config.dataDir(), config.web().secret(), database.kind(),
                database.dataSource());
        this.links = new Links(config.publicUrl(), new LinkTokens(secret, clock,
                config.digest().linkTtl()), unsubscribeMailbox(config.mail().from()));
        this.library = new LibraryService(new JdbcLibraryStore(database.dataSource()), papers, clock);
        this.ratingLinks = new RatingLinks(config.publicUrl(), secret, clock, config.digest().linkTtl());
        this.digestMails = new DigestMails(links, ratingLinks, config.mail().from());
    }

    private static String unsubscribeMailbox(String from) {
        return from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')).strip() : from.strip();
    }

    /** Where mail goes: the configured SMTP server, else the outbox folder; made on first use. */
    public synchronized Mailer mailer() {
        if (mailer == null) {
            mailer = Mailers.create(config.mail(), config.dataDir(), clock);
        }
        return mailer;
    }

    public synchronized SubscriptionService subscriptions() {
        if (subscriptions == null) {
            var d = config.digest();
            subscriptions = new SubscriptionService(subscribers,
                    new OutboxQueue(mailOutbox, digestOutbox, mailer(), clock, mailQueued),
                    digestMails::confirmation, digestMails::manageLink, links.tokens(), clock, d.mailInterval(),
                    d.subscribesPerClientPerHour(),
                    Preferences.defaults(d.defaultHour(), d.defaultZone()), d.pendingTtl());
        }
        return subscriptions;
    }

    /** Signing readers in with mailed links, and their sessions. */
    public synchronized SignInService signIns() {
        if (signIns == null) {
            var w = config.web();
            SignInMails mails = new SignInMails(config.publicUrl(), digestMails::newMessageId, w.signInTtl());
            signIns = new SignInService(new JdbcSessionStore(database.dataSource()), subscribers,
                    new OutboxQueue(mailOutbox, digestOutbox, mailer(), clock, mailQueued), mails::mail, clock,
                    w.signInTtl(), w.sessionIdle(), config.digest().subscribesPerClientPerHour(), secret);
        }
        return signIns;
    }

    /** Readers' collections, saved papers and ratings: the positives and negatives of recommendations. */
    public LibraryService library() {
        return library;
    }

    /**
     * What recommends papers from readers' collections to the digest's "Recommended for you" sections: the
     * {@linkplain #recommendations() per-collection models} (tests may wrap or replace it).
     */
    public Recommender recommender() {
        return recommender.apply(recommendations());
    }

    /** The signed "more like this" / "not for me" links of mails. */
    public RatingLinks ratingLinks() {
        return ratingLinks;
    }

    /**
     * Recommendations per reader collection ({@code /for-you}, the API, private feeds, {@code recommend}): vectors
     * from the search model's embedding cache, missing ones embedded by the search engine's embedder, which is
     * opened on first need (a command opens the index first, read-only beside a running serve).
     */
    public synchronized Recommendations recommendations() {
        if (recommendations == null) {
            recommendations = new Recommendations(library, papers,
                    (from, to) -> signals.candidates(from, to, null).stream().map(SignalStore.Candidate::paper).toList(),
                    new JdbcEmbeddingCache(database.dataSource()), () -> search().embedder(), clock,
                    ReaderModels.Settings.DEFAULT,
                    Recommendations.Settings.DEFAULT.withMaxModels(config.recommend().maxModels()));
        }
        return recommendations;
    }

    /** Builds and sends digests (the scheduler in {@code serve} and {@code digest run} both use it). */
    public synchronized DigestRunner digests() {
        if (digests == null) {
            var d = config.digest();
            digests = new DigestRunner(subscribers, digestOutbox, mailOutbox,
                    new DigestBuilder(this::digestSources, papers),
                    digestMails, mailer(), clock, d.retryDelay(), d.maxAttempts(), d.keepMail(),
                    DigestBatches.of(leases, node));
        }
        return digests;
    }

    /**
     * The sources of digest sections, one per topic kind; a new kind of section is one more entry. Saved searches
     * and followed authors read the search index, so building them opens it.
     */
    private List<DigestSource> digestSources() {
        SearchService service = search().service();
        return List.of(new RecommendationSource(recommender(), library, config.digest().recommendationsPerCollection()),
                TrendingSource.overall(trending), TrendingSource.inCategory(trending),
                new SavedSearchSource(service, config.digest().minSimilarity()), new AuthorSource(service));
    }

    public SubscriberStore subscribers() {
        return subscribers;
    }

    public DigestOutbox digestOutbox() {
        return digestOutbox;
    }

    public MailOutbox mailOutbox() {
        return mailOutbox;
    }

    /** Signalled when a confirmation or link mail is queued: wakes the mail sender of {@code serve}. */
    public SendSignal mailQueued() {
        return mailQueued;
    }

    /**
     * How long shutdown waits for the sends under way to finish and be recorded before the database closes:
     * two SMTP timeouts (waiting for a connection, then the slowest reply).
     */
    public static Duration sendStopWait(PaperwireConfig config) {
        return config.mail().timeout().multipliedBy(2);
    }

    /** The ids config accepts for the embedding model and the harvest sources: those this build has. */
    public static KnownIds knownIds() {
        return new KnownIds(Arrays.stream(EmbeddingModel.values()).map(EmbeddingModel::id).toList(),
                List.of(OaiPmhSource.NAME, ArxivApiSource.NAME, HuggingFaceSource.NAME));
    }

    public DigestMails digestMails() {
        return digestMails;
    }

    public Links links() {
        return links;
    }

    /**
     * The search engine over {@code DATA_DIR/index}, opened on first use: commands that never search (import,
     * harvest) don't take the index folder's lock, so they can run beside {@code serve}.
     *
     * @throws org.paperwire.search.index.IndexLockedException when another process holds the index folder
     */
    public synchronized SearchEngine search() {
        return search(false);
    }

    /**
     * The search engine for a command that only reads the index ({@code search}, {@code digest run}): as
     * {@link #search()}, but when another process (a running {@code serve}) holds the index folder, its index is
     * opened read-only ({@link SearchEngine#readOnly()}); that process keeps it following the store.
     */
    public synchronized SearchEngine searchReadOnlyIfHeld() {
        return search(true);
    }

    private SearchEngine search(boolean readOnlyIfHeld) {
        if (search == null) {
            EmbeddingModel model = EmbeddingModel.byId(config.search().embeddingModel()).orElseThrow();
            int maxTokens = OnnxEmbedder.DEFAULT_MAX_TOKENS;
            search = new SearchEngine(papers, new JdbcEmbeddingCache(database.dataSource()),
                    new JdbcEmbeddingLeases(database.dataSource()), config.dataDir().resolve("index"),
                    searchEmbedder.apply(new QueryCachingEmbedder(new LazyEmbedder(model,
                            OnnxEmbedder.cacheKey(model, maxTokens), () -> new OnnxEmbedder(model, maxTokens,
                            config.search().embeddingThreads(), OnnxEmbedder.QUERY_INSTRUCTION)),
                            QueryCachingEmbedder.DEFAULT_BYTES)),
                    clock, FieldWeights.DEFAULT, Fusion.DEFAULT, readOnlyIfHeld);
        }
        return search;
    }

    /**
     * Starts what {@code serve} runs beside requests: the index following the store, background embedding
     * (as configured), the periodic write of counted page views and the hourly deletion of subscriptions left
     * unconfirmed past {@code subscription.pending-ttl} (and of ended reader sessions and expired sign-in links).
     */
    public synchronized void startBackground() {
        startSearchBackground();
        if (viewFlusher == null) {
            viewFlusher = PeriodicTask.start("view-flusher", Duration.ofSeconds(10), Duration.ofSeconds(10),
                    this::flushViews);
            pendingCleaner = PeriodicTask.start("pending-cleaner", Duration.ZERO, Duration.ofHours(1),
                    this::deleteExpiredPending);
        }
    }

    private void flushViews() {
        try {
            views.flush();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Paperwire.class).warn("could not write page views; will retry", e);
        }
    }

    private void deleteExpiredPending() {
        try {
            subscriptions().deleteExpiredPending();
            signIns().deleteExpired(); // ended sessions and expired sign-in links
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Paperwire.class).warn("could not delete expired pending subscriptions;"
                    + " will retry in an hour", e);
        }
    }

    /** Keeps the index following the store and, as configured, embeds new papers in the background. */
    private void startSearchBackground() {
        search().startBackground(config.search().followInterval(), config.search().backgroundEmbedding());
    }

    private HuggingFaceSource huggingFace(PaperwireConfig config, Clock clock) {
        PoliteFetcher fetcher = new PoliteFetcher(PoliteFetcher.defaultClient(config.arxiv().httpTimeout()),
                new PoliteFetcher.Settings(config.huggingFace().requestInterval(), config.arxiv().maxRetryAfter(),
                        config.arxiv().httpAttempts(), config.arxiv().httpTimeout(), Duration.ofSeconds(5)),
                clock, Sleeper.SYSTEM);
        return new HuggingFaceSource(fetcher, config.huggingFace().url(), ingestor, signals, clock,
                config.harvest().initialLookback());
    }

    public SignalStore signals() {
        return signals;
    }

    public TrendingService trending() {
        return trending;
    }

    public VoteService votes() {
        return votes;
    }

    public ViewCounter views() {
        return views;
    }

    public PaperwireConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public PaperStore papers() {
        return papers;
    }

    /** The instance's secret key (signed links, visitor cookies), read once at start. */
    public byte[] secret() {
        return secret;
    }

    /** This node's name: it holds leases and claims outbox rows under it. */
    public NodeId node() {
        return node;
    }

    /** The store's leases, shared by every node on it. */
    public Leases leases() {
        return leases;
    }

    /** Which database the store is in. */
    public StoreKind storeKind() {
        return database.kind();
    }

    /**
     * What {@code /healthz} and {@code /metrics} tell of this node: its store, its name, how many changes its
     * search index (opened if it was not) is behind the store, and the leases it holds now.
     */
    public NodeStatus nodeStatus() {
        long lag = Math.max(0, papers.lastSeq() - search().index().seq());
        return new NodeStatus(database.kind(), node.value(), lag, leases.held(node.value(), clock.instant()));
    }

    public HarvestService harvests() {
        return harvests;
    }

    public BulkImporter bulkImporter() {
        return bulkImporter;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (digests != null) {
                digests.stop(sendStopWait(config)); // sends under way finish and are recorded before the database closes
            }
            if (viewFlusher != null) {
                pendingCleaner.closeNow(HOUSEKEEPING_STOP_WAIT);
                viewFlusher.closeNow(HOUSEKEEPING_STOP_WAIT);
                flushViews();
            }
            if (search != null) {
                search.close();
            }
            if (mailer != null) {
                mailer.close();
            }
        }
        database.close();
    }
}
