package org.paperwire.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key Paperwire reads, with its default and a one-line description. The README's
 * configuration reference lists the same keys. Each key can be set in the config file ({@code key = value}),
 * as an environment variable ({@link #envName()}), and some as command-line flags.
 */
public enum ConfigKey {
    /** Folder holding the SQLite store, the search index and the outbox. */
    DATA_DIR("data-dir", "./paperwire-data", "folder for the store, the index and the outbox"),
    /** HTTP port of {@code paperwire serve}; 0 picks a free port. */
    PORT("port", "8080", "HTTP port of 'serve' (0 picks a free one)"),
    /** Base URL people reach this instance at; links in emails and feeds are built from it. */
    PUBLIC_URL("public-url", "", "public base URL for links (default http://localhost:PORT)"),
    /** Whether {@code serve} harvests on a schedule. */
    HARVEST_ENABLED("harvest.enabled", "true", "harvest on a schedule inside 'serve'"),
    /** Sources the scheduler runs, comma separated. */
    HARVEST_SOURCES("harvest.sources", "arxiv-oai,arxiv-api", "sources harvested on the schedule: arxiv-oai, arxiv-api"),
    /** arXiv categories harvested, comma separated. */
    HARVEST_CATEGORIES("harvest.categories", "cs.LG,cs.CL,cs.CV,cs.AI,stat.ML", "arXiv categories to harvest"),
    /** Time between two successful harvests of one source (ISO-8601 duration). */
    HARVEST_INTERVAL("harvest.interval", "PT6H", "time between successful harvests of a source"),
    /** First wait after a failed harvest; doubles on each further failure up to the interval. */
    HARVEST_RETRY_DELAY("harvest.retry-delay", "PT5M", "first retry delay after a failure (doubles, capped at the interval)"),
    /** How far back the first OAI-PMH harvest of a fresh store reaches. */
    HARVEST_INITIAL_LOOKBACK("harvest.initial-lookback", "P7D", "how far back the first harvest of a fresh store reaches"),
    /** arXiv OAI-PMH endpoint. */
    ARXIV_OAI_URL("arxiv.oai.url", "https://oaipmh.arxiv.org/oai", "arXiv OAI-PMH endpoint"),
    /** OAI-PMH metadata format: arXivRaw (all versions with dates) or arXiv. */
    ARXIV_OAI_METADATA_PREFIX("arxiv.oai.metadata-prefix", "arXivRaw", "OAI-PMH metadataPrefix: arXivRaw or arXiv"),
    /** arXiv API (Atom) endpoint. */
    ARXIV_API_URL("arxiv.api.url", "https://export.arxiv.org/api/query", "arXiv API (Atom) endpoint"),
    /** Entries per arXiv API page. */
    ARXIV_API_PAGE_SIZE("arxiv.api.page-size", "100", "entries per arXiv API page"),
    /** Newest submissions fetched per category and run from the arXiv API. */
    ARXIV_API_MAX_RESULTS("arxiv.api.max-results", "300", "newest submissions fetched per category and run"),
    /** Minimum time between two requests to arXiv (their terms ask for 3 seconds). */
    ARXIV_REQUEST_INTERVAL("arxiv.request-interval", "PT3S", "minimum time between two requests to arXiv"),
    /** Longest Retry-After a harvest waits out before giving up until its next attempt. */
    ARXIV_MAX_RETRY_AFTER("arxiv.max-retry-after", "PT10M", "longest Retry-After honoured before giving up"),
    /** Attempts per request on 503 / timeouts / connection errors. */
    HTTP_ATTEMPTS("http.attempts", "4", "attempts per HTTP request on 503, timeouts and connection errors"),
    /** Timeout of one HTTP request to an upstream source. */
    HTTP_TIMEOUT("http.timeout", "PT60S", "timeout of one upstream HTTP request"),
    /** In-process embedding model of semantic search; changing it re-embeds every paper (vectors of two models never mix). */
    SEARCH_EMBEDDING_MODEL("search.embedding-model", "bge-small-en-v1.5-q",
            "embedding model: bge-small-en-v1.5-q (better) or all-minilm-l6-v2-q (about 2x faster, weaker)"),
    /** Embedding model calls that run at once; each uses one core. */
    SEARCH_EMBEDDING_THREADS("search.embedding-threads", "2", "embedding model calls that run at once (one core each)"),
    /** Whether {@code serve} computes missing paper embeddings in the background, newest papers first. */
    SEARCH_BACKGROUND_EMBEDDING("search.background-embedding", "true",
            "compute missing paper embeddings in the background inside 'serve'"),
    /** How often the search index picks up papers ingested since its last look (ISO-8601 duration). */
    SEARCH_FOLLOW_INTERVAL("search.follow-interval", "PT2S", "how often the search index picks up newly ingested papers");

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable for this key: {@code PAPERWIRE_} and the key in upper snake case. */
    public String envName() {
        return "PAPERWIRE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Optional<ConfigKey> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
