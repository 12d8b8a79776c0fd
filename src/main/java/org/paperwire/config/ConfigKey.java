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
    /** Where the store lives: empty for SQLite in the data folder, or a {@code jdbc:postgresql://} URL. */
    STORE_URL("store.url", "", "empty: SQLite in the data folder; jdbc:postgresql://host:port/db: a shared PostgreSQL"),
    /** PostgreSQL user name. */
    STORE_USERNAME("store.username", "", "PostgreSQL user name"),
    /** PostgreSQL password. */
    STORE_PASSWORD("store.password", "", "PostgreSQL password"),
    /** Connections in this process's pool to the store. */
    STORE_POOL_SIZE("store.pool-size", "8", "PostgreSQL connections this process keeps open at most (SQLite uses 4)"),
    /** HTTP port of {@code paperwire serve}; 0 picks a free port. */
    PORT("port", "8080", "HTTP port of 'serve' (0 picks a free one)"),
    /** Base URL people reach this instance at; links in emails and feeds are built from it. */
    PUBLIC_URL("public-url", "", "public base URL for links (default http://localhost:PORT)"),
    /** Whether {@code serve} harvests on a schedule. */
    HARVEST_ENABLED("harvest.enabled", "true", "harvest on a schedule inside 'serve'"),
    /** Sources the scheduler runs, comma separated. */
    HARVEST_SOURCES("harvest.sources", "arxiv-oai,arxiv-api,huggingface",
            "sources harvested on the schedule: arxiv-oai, arxiv-api, huggingface"),
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
    SEARCH_FOLLOW_INTERVAL("search.follow-interval", "PT2S", "how often the search index picks up newly ingested papers"),
    /** Trained collection models kept in memory (about 100 KB each, mostly their term weights); the rest retrain on demand. */
    RECOMMEND_MAX_MODELS("recommend.max-models", "10000",
            "trained collection models kept in memory (about 100 KB each); beyond it the least recently used retrain when next asked for"),
    /** Hugging Face site whose {@code /api/daily_papers} gives upvotes and GitHub stars. */
    HF_URL("huggingface.url", "https://huggingface.co", "Hugging Face site for daily-papers signals"),
    /** Minimum time between two requests to Hugging Face. */
    HF_REQUEST_INTERVAL("huggingface.request-interval", "PT1S", "minimum time between two requests to Hugging Face"),
    /** Trending: how fast age pulls a paper down (Hacker News uses 1.8). */
    TRENDING_GRAVITY("trending.gravity", "1.8", "trending: exponent of the age penalty"),
    /** Trending: hours added to a paper's age so that brand-new papers do not divide by zero. */
    TRENDING_BASE_HOURS("trending.base-hours", "2", "trending: hours added to every paper's age"),
    /** Trending: weight of one visitor vote. */
    TRENDING_WEIGHT_VOTES("trending.weight.votes", "1.0", "trending: weight of a visitor vote"),
    /** Trending: weight of one Hugging Face upvote. */
    TRENDING_WEIGHT_HF_UPVOTES("trending.weight.hf-upvotes", "1.0", "trending: weight of a Hugging Face upvote"),
    /** Trending: weight of ln(1 + GitHub stars). */
    TRENDING_WEIGHT_GITHUB_STARS("trending.weight.github-stars", "2.0", "trending: weight of ln(1 + GitHub stars)"),
    /** Trending: weight of ln(1 + page views). */
    TRENDING_WEIGHT_VIEWS("trending.weight.views", "0.5", "trending: weight of ln(1 + page views)"),
    /** Trending: how long a computed ranking is reused (votes drop it at once). */
    TRENDING_CACHE_TTL("trending.cache-ttl", "PT30S", "trending: how long a ranking is reused (a vote drops it)"),
    /** Secret that signs visitor cookies and CSRF tokens; empty means one generated into the data folder. */
    WEB_SECRET("web.secret", "", "secret signing visitor cookies (default: generated into DATA_DIR/secret.key)"),
    /** Operator token for the operator pages ({@code /digest/status}); empty: they answer loopback clients only. */
    WEB_ADMIN_TOKEN("web.admin-token", "", "operator token for /digest/status (empty: loopback clients only)"),
    /** Votes one client (IP address) may cast per minute. */
    WEB_VOTES_PER_MINUTE("web.votes-per-minute", "30", "votes one client may cast per minute"),
    /** Reverse proxies (CIDR blocks, comma separated) whose X-Forwarded-For / Forwarded headers are believed. */
    WEB_TRUSTED_PROXIES("web.trusted-proxies", "", "reverse proxies (comma-separated CIDRs such as 127.0.0.1/32,"
            + "fd00::/8) whose X-Forwarded-For / Forwarded headers name the client; empty: the socket peer is the client"),
    /** Votes that count for one paper from one client network (an IPv4 address or an IPv6 /64), whatever the cookies. */
    WEB_VOTES_PER_NETWORK_PER_PAPER("web.votes-per-network-per-paper", "3",
            "votes one client network (IPv4 address, IPv6 /64) can give one paper, whatever its cookies"),
    /** Page views one client network adds to one paper per UTC day (each visitor counts once a day). */
    WEB_VIEWS_PER_NETWORK_PER_PAPER("web.views-per-network-per-paper", "10",
            "page views one client network adds to one paper per UTC day (each visitor counts once a day)"),
    /** Digest previews one client network may ask for per minute. */
    WEB_PREVIEWS_PER_MINUTE("web.previews-per-minute", "10",
            "digest previews (/digest/preview) one client network may load per minute"),
    /** A reader's session ends after this long without a request (ISO-8601 duration). */
    WEB_SESSION_IDLE("web.session-idle", "P30D", "a signed-in reader's session ends after this long without a request"),
    /** How long a mailed sign-in link stays valid (it works once). */
    WEB_SIGN_IN_TTL("web.sign-in-ttl", "PT30M", "how long a mailed sign-in link stays valid (it works once)"),
    /** SMTP server for digests and confirmation mails; empty writes {@code .eml} files to DATA_DIR/outbox instead. */
    SMTP_HOST("smtp.host", "", "SMTP server (empty: write .eml files to DATA_DIR/outbox)"),
    /** SMTP port; empty means the usual one for {@link #SMTP_SECURITY}: 25, 587 (starttls) or 465 (smtps). */
    SMTP_PORT("smtp.port", "", "SMTP port (default 25, 587 for starttls, 465 for smtps)"),
    /** SMTP user name; empty sends without authentication. */
    SMTP_USERNAME("smtp.username", "", "SMTP user name (empty: no authentication)"),
    /** SMTP password, used with {@link #SMTP_USERNAME}. */
    SMTP_PASSWORD("smtp.password", "", "SMTP password"),
    /** Transport security: none, starttls (required, not opportunistic) or smtps (TLS from the first byte). */
    SMTP_SECURITY("smtp.security", "starttls", "SMTP transport security: none, starttls or smtps"),
    /** Connections kept open to the SMTP server; also the number of messages sent at once. */
    SMTP_CONNECTIONS("smtp.connections", "4", "pooled SMTP connections (messages sent at once)"),
    /** Connect, read and write timeout of one SMTP exchange, and the longest wait for a pooled connection. */
    SMTP_TIMEOUT("smtp.timeout", "PT30S", "timeout of one SMTP connect, read or write, and of waiting for a pooled connection"),
    /**
     * CA certificates trusted for the SMTP server's TLS certificate instead of the JVM's default ones: a PEM file of
     * one or more certificates, or a PKCS#12 / JKS trust store. For a server whose certificate a private CA issued;
     * the host name is checked against the certificate either way.
     */
    SMTP_TRUST_STORE("smtp.trust-store", "", "CA certificates trusted for the SMTP server (PEM, PKCS#12 or JKS; empty: the JVM's default CAs)"),
    /** Password of a PKCS#12 / JKS {@link #SMTP_TRUST_STORE}; unused for PEM. */
    SMTP_TRUST_STORE_PASSWORD("smtp.trust-store-password", "", "password of a PKCS#12 / JKS smtp.trust-store"),
    /** Sender of every mail, as an address or {@code Name <address>}. */
    MAIL_FROM("mail.from", "Paperwire <paperwire@localhost>", "sender address of every mail"),
    /**
     * DKIM signing domain ({@code d=}); the same as the {@link #MAIL_FROM} domain or a parent of it, so that DMARC
     * finds them aligned. Mails are signed when this, {@link #MAIL_DKIM_SELECTOR} and
     * {@link #MAIL_DKIM_PRIVATE_KEY_FILE} are all set.
     */
    MAIL_DKIM_DOMAIN("mail.dkim.domain", "", "DKIM signing domain: the mail.from domain or a parent of it (empty: no DKIM)"),
    /** DKIM selector ({@code s=}): the public key is published at {@code SELECTOR._domainkey.DOMAIN}. */
    MAIL_DKIM_SELECTOR("mail.dkim.selector", "", "DKIM selector; the public key is in DNS at SELECTOR._domainkey.DOMAIN"),
    /** RSA private key that signs: PEM or DER, PKCS#8 or PKCS#1, unencrypted; at least 1024 bits, 2048 advised. */
    MAIL_DKIM_PRIVATE_KEY_FILE("mail.dkim.private-key-file", "", "RSA private key file for DKIM (PEM or DER, unencrypted)"),
    /** Whether {@code serve} sends digests on schedule. */
    DIGEST_ENABLED("digest.enabled", "true", "send digests on schedule inside 'serve'"),
    /** Delivery hour of new subscribers, in their time zone (they can change it). */
    DIGEST_DEFAULT_HOUR("digest.default-hour", "7", "delivery hour of new subscribers (0-23, their time zone)"),
    /** Time zone of new subscribers whose form does not say one. */
    DIGEST_DEFAULT_TIME_ZONE("digest.default-time-zone", "UTC", "time zone of new subscribers (IANA id such as Europe/Berlin)"),
    /** Saved searches: lowest cosine similarity between the query and a paper for the paper to count as a match. */
    DIGEST_MIN_SIMILARITY("digest.min-similarity", "0.69", "saved searches: lowest query-paper cosine similarity that counts as a match"),
    /** First wait after a temporary SMTP failure; doubles on each further failure. */
    DIGEST_RETRY_DELAY("digest.retry-delay", "PT2M", "first retry after a temporary SMTP failure (doubles each time)"),
    /** Sending attempts of one digest before it is recorded as failed. */
    DIGEST_MAX_ATTEMPTS("digest.max-attempts", "8", "attempts per digest before it is recorded as failed"),
    /**
     * How long the outbox keeps a digest's mail once it is sent, skipped, failed or cancelled (the row itself
     * stays), and keeps sent or failed confirmation and link mails at all.
     */
    DIGEST_KEEP_MAIL("digest.keep-mail", "P30D", "how long the outbox keeps the mail of sent, skipped, failed and cancelled digests (the record that they were sent stays) and sent confirmation mails"),
    /**
     * Papers at most in each "Recommended for you" section of a digest: one section per collection of the reader's
     * library, before the topics. 0 leaves the sections out.
     */
    DIGEST_RECOMMENDATIONS_PER_COLLECTION("digest.recommendations-per-collection", "5", "papers at most in the digest's \"Recommended for you\" section of each collection of the reader's library (0: no such sections)"),
    /** How long links in mails (confirm, manage, unsubscribe) stay valid; an expired one can be re-requested. */
    SUBSCRIPTION_LINK_TTL("subscription.link-ttl", "P30D", "how long confirm / manage links in mails stay valid"),
    /** Subscribe requests one client address may make per hour. */
    SUBSCRIPTION_PER_CLIENT_PER_HOUR("subscription.per-client-per-hour", "10", "subscribe requests one client may make per hour"),
    /** Least time between two confirmation (or link) mails to one address, whoever asks. */
    SUBSCRIPTION_MAIL_INTERVAL("subscription.mail-interval", "PT15M", "least time between two confirmation mails to one address"),
    /** How long a subscription may stay unconfirmed after its last request or confirmation mail; then it is deleted. */
    SUBSCRIPTION_PENDING_TTL("subscription.pending-ttl", "P7D", "how long an unconfirmed subscription is kept");

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
