package org.paperwire.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.paperwire.net.KeyFiles;
import org.paperwire.net.Mailbox;
import org.paperwire.net.Cidr;

/**
 * The whole typed configuration, validated once at start-up. Build it with {@link #from(ConfigSources, KnownIds)};
 * an invalid value throws a {@link ConfigException} naming the key, its origin and the fix.
 */
public record PaperwireConfig(
        Path dataDir,
        int port,
        URI publicUrl,
        HarvestConfig harvest,
        ArxivConfig arxiv,
        SearchConfig search,
        HuggingFaceConfig huggingFace,
        TrendingConfig trending,
        WebConfig web,
        MailConfig mail,
        DigestConfig digest,
        StoreConfig store,
        RecommendConfig recommend) {

    /** Transport security of the SMTP connection. */
    public enum SmtpSecurity { NONE, STARTTLS, SMTPS }

    /**
     * How mail leaves Paperwire.
     *
     * @param smtpHost empty: no SMTP server, mails are written as {@code .eml} files to {@code DATA_DIR/outbox}
     * @param from the sender, as {@code address} or {@code Name <address>}
     * @param trustStore CA certificates trusted for the SMTP server's certificate; empty: the JVM's default CAs
     * @param dkim how mails are DKIM-signed; empty: they are not
     */
    public record MailConfig(String smtpHost, int smtpPort, String username, String password, SmtpSecurity security,
            int connections, Duration timeout, String from, Optional<KeyStore> trustStore, Optional<DkimConfig> dkim) {
        /** Without a private CA and without DKIM. */
        public MailConfig(String smtpHost, int smtpPort, String username, String password, SmtpSecurity security,
                int connections, Duration timeout, String from) {
            this(smtpHost, smtpPort, username, password, security, connections, timeout, from, Optional.empty(),
                    Optional.empty());
        }

        public boolean smtpConfigured() {
            return !smtpHost.isBlank();
        }

        @Override
        public String toString() { // never print the password
            return "MailConfig[" + smtpHost + ":" + smtpPort + ", " + security + ", user " + username + "]";
        }
    }

    /**
     * DKIM signing of every mail, checked at start-up: the key was read, and the domain is the sender's or a parent.
     *
     * @param domain the signing domain ({@code d=})
     * @param selector the selector ({@code s=}); the public key is in DNS at {@code selector._domainkey.domain}
     */
    public record DkimConfig(String domain, String selector, Path privateKeyFile, RSAPrivateKey privateKey) {
        @Override
        public String toString() { // never print the key
            return "DkimConfig[d=" + domain + ", s=" + selector + ", key " + privateKeyFile + "]";
        }
    }

    /**
     * Digests and subscriptions.
     *
     * @param minSimilarity lowest query-paper cosine similarity that makes a paper a saved search's match
     * @param recommendationsPerCollection papers at most per "Recommended for you" section (one per collection); 0: none
     */
    public record DigestConfig(boolean enabled, int defaultHour, ZoneId defaultZone, double minSimilarity,
            Duration retryDelay, int maxAttempts, Period linkTtl, int subscribesPerClientPerHour,
            Duration mailInterval, Period keepMail, Period pendingTtl, int recommendationsPerCollection) {}

    /**
     * Where the store lives.
     *
     * @param url empty: SQLite in the data folder; else a {@code jdbc:postgresql://} URL shared by every node
     * @param poolSize connections this process keeps open at most (PostgreSQL)
     */
    public record StoreConfig(String url, String username, String password, int poolSize) {
        /** SQLite in the data folder. */
        public static StoreConfig embedded() {
            return new StoreConfig("", "", "", 4);
        }

        public boolean postgres() {
            return !url.isEmpty();
        }

        @Override
        public String toString() { // never print the password
            return "StoreConfig[" + (postgres() ? url + ", user " + username : "sqlite") + "]";
        }
    }

    /** Where trending signals from Hugging Face daily papers come from. */
    public record HuggingFaceConfig(URI url, Duration requestInterval) {}

    /** The trending formula's parameters (see {@code TrendingFormula}) and the ranking cache. */
    public record TrendingConfig(double gravity, double baseHours, double votesWeight, double hfUpvotesWeight,
            double githubStarsWeight, double viewsWeight, Duration cacheTtl) {}

    /**
     * Web settings.
     *
     * @param secret signs visitor cookies and CSRF tokens; empty means generate one into the data folder
     * @param adminToken the operator token of {@code /digest/status}; empty: loopback clients only
     * @param trustedProxies the blocks whose forwarding headers name the client (see {@code ClientAddresses})
     * @param sessionIdle a reader's session ends after this long without a request
     * @param signInTtl how long a mailed sign-in link stays valid
     */
    public record WebConfig(String secret, int votesPerMinute, String adminToken,
            List<Cidr> trustedProxies, int votesPerNetworkPerPaper, int viewsPerNetworkPerPaper,
            int previewsPerMinute, Duration sessionIdle, Duration signInTtl) {
        @Override
        public String toString() { // never print the secrets
            return "WebConfig[votesPerMinute=" + votesPerMinute + ", trustedProxies=" + trustedProxies
                    + ", votesPerNetworkPerPaper=" + votesPerNetworkPerPaper + ", viewsPerNetworkPerPaper="
                    + viewsPerNetworkPerPaper + ", previewsPerMinute=" + previewsPerMinute
                    + ", sessionIdle=" + sessionIdle + ", signInTtl=" + signInTtl + "]";
        }
    }

    /** Shortest {@code web.secret} and {@code web.admin-token} accepted, in UTF-8 bytes ({@code openssl rand -hex 32} gives 64). */
    public static final int MIN_SECRET_BYTES = 32;

    /** What the scheduler inside {@code serve} harvests, and how often. */
    public record HarvestConfig(
            boolean enabled,
            List<String> sources,
            List<String> categories,
            Duration interval,
            Duration retryDelay,
            Period initialLookback) {}

    /** How Paperwire talks to arXiv. */
    public record ArxivConfig(
            URI oaiUrl,
            String oaiMetadataPrefix,
            URI apiUrl,
            int apiPageSize,
            int apiMaxResults,
            Duration requestInterval,
            Duration maxRetryAfter,
            int httpAttempts,
            Duration httpTimeout) {}

    /**
     * How search embeds papers and follows the store.
     *
     * @param embeddingModel id of an {@code org.paperwire.search.embed.EmbeddingModel}
     */
    public record SearchConfig(
            String embeddingModel,
            int embeddingThreads,
            boolean backgroundEmbedding,
            Duration followInterval) {}

    /**
     * Recommendations per reader collection.
     *
     * @param maxModels trained models kept in memory, least recently used out
     */
    public record RecommendConfig(int maxModels) {}

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z][A-Za-z-]*)?");

    /** Reads and validates every key; {@code known} lists the ids that keys naming a model or a source may use. */
    public static PaperwireConfig from(ConfigSources s, KnownIds known) {
        int port = integer(s, ConfigKey.PORT, 0, 65535);
        String publicUrl = s.get(ConfigKey.PUBLIC_URL).raw();
        URI publicUri = publicUrl.isBlank() ? URI.create("http://localhost:" + port) : httpUrl(s, ConfigKey.PUBLIC_URL);
        HarvestConfig harvest = new HarvestConfig(
                bool(s, ConfigKey.HARVEST_ENABLED),
                sources(s, known.harvestSources()),
                categories(s),
                positiveDuration(s, ConfigKey.HARVEST_INTERVAL),
                positiveDuration(s, ConfigKey.HARVEST_RETRY_DELAY),
                period(s, ConfigKey.HARVEST_INITIAL_LOOKBACK));
        ArxivConfig arxiv = new ArxivConfig(
                httpUrl(s, ConfigKey.ARXIV_OAI_URL),
                metadataPrefix(s),
                httpUrl(s, ConfigKey.ARXIV_API_URL),
                integer(s, ConfigKey.ARXIV_API_PAGE_SIZE, 1, 2000),
                integer(s, ConfigKey.ARXIV_API_MAX_RESULTS, 1, 30000),
                duration(s, ConfigKey.ARXIV_REQUEST_INTERVAL),
                duration(s, ConfigKey.ARXIV_MAX_RETRY_AFTER),
                integer(s, ConfigKey.HTTP_ATTEMPTS, 1, 20),
                positiveDuration(s, ConfigKey.HTTP_TIMEOUT));
        return new PaperwireConfig(path(s, ConfigKey.DATA_DIR), port, stripSlash(publicUri), harvest, arxiv, search(s, known.embeddingModels()),
                huggingFace(s), trending(s), web(s), mail(s), digest(s), store(s),
                new RecommendConfig(integer(s, ConfigKey.RECOMMEND_MAX_MODELS, 1, 1_000_000)));
    }

    private static MailConfig mail(ConfigSources s) {
        SmtpSecurity security = switch (s.get(ConfigKey.SMTP_SECURITY).raw().strip().toLowerCase(Locale.ROOT)) {
            case "none" -> SmtpSecurity.NONE;
            case "starttls" -> SmtpSecurity.STARTTLS;
            case "smtps" -> SmtpSecurity.SMTPS;
            default -> throw invalid(s, ConfigKey.SMTP_SECURITY, "none, starttls or smtps");
        };
        int port = s.get(ConfigKey.SMTP_PORT).raw().isBlank()
                ? switch (security) { case NONE -> 25; case STARTTLS -> 587; case SMTPS -> 465; }
                : integer(s, ConfigKey.SMTP_PORT, 1, 65535);
        String from = s.get(ConfigKey.MAIL_FROM).raw().strip();
        Mailbox sender = Mailbox.parse(from).orElseThrow(() -> invalid(s, ConfigKey.MAIL_FROM,
                "an email address such as 'Paperwire <digest@example.org>'"));
        return new MailConfig(s.get(ConfigKey.SMTP_HOST).raw().strip(), port, s.get(ConfigKey.SMTP_USERNAME).raw(),
                s.get(ConfigKey.SMTP_PASSWORD).raw(), security, integer(s, ConfigKey.SMTP_CONNECTIONS, 1, 64),
                positiveDuration(s, ConfigKey.SMTP_TIMEOUT), from, trustStore(s), dkim(s, sender));
    }

    private static Optional<KeyStore> trustStore(ConfigSources s) {
        String file = s.get(ConfigKey.SMTP_TRUST_STORE).raw().strip();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFiles.trustStore(Path.of(file), s.get(ConfigKey.SMTP_TRUST_STORE_PASSWORD).raw()));
        } catch (IOException | GeneralSecurityException | InvalidPathException e) {
            throw invalid(s, ConfigKey.SMTP_TRUST_STORE, "a readable PEM file of CA certificates or a PKCS#12 / JKS trust"
                    + " store (with smtp.trust-store-password), but " + KeyFiles.reason(e));
        }
    }

    private static final List<ConfigKey> DKIM_KEYS = List.of(ConfigKey.MAIL_DKIM_DOMAIN, ConfigKey.MAIL_DKIM_SELECTOR,
            ConfigKey.MAIL_DKIM_PRIVATE_KEY_FILE);
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
            + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");

    /** All three DKIM keys or none; a key that signs; a domain DMARC will find aligned with the sender's. */
    private static Optional<DkimConfig> dkim(ConfigSources s, Mailbox from) {
        List<ConfigKey> missing = DKIM_KEYS.stream().filter(k -> s.get(k).raw().isBlank()).toList();
        if (missing.size() == DKIM_KEYS.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("DKIM needs all of mail.dkim.domain, mail.dkim.selector and"
                    + " mail.dkim.private-key-file, but " + missing.stream().map(k -> k.key() + " (" + k.envName() + ")")
                    .collect(Collectors.joining(" and ")) + (missing.size() == 1 ? " is" : " are")
                    + " not set: set " + (missing.size() == 1 ? "it" : "them") + ", or unset the others to send unsigned mail");
        }
        String domain = s.get(ConfigKey.MAIL_DKIM_DOMAIN).raw().strip().toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!DNS_NAME.matcher(domain).matches() || !domain.contains(".")) {
            throw invalid(s, ConfigKey.MAIL_DKIM_DOMAIN, "a domain name such as example.org");
        }
        String fromDomain = from.domain();
        if (!fromDomain.equals(domain) && !fromDomain.endsWith("." + domain)) {
            throw invalid(s, ConfigKey.MAIL_DKIM_DOMAIN, "the domain of mail.from ('" + fromDomain + "') or a parent of"
                    + " it, so that DMARC finds the signature aligned with the sender; sign for the sender's domain or"
                    + " change mail.from");
        }
        String selector = s.get(ConfigKey.MAIL_DKIM_SELECTOR).raw().strip();
        if (!DNS_NAME.matcher(selector).matches()) {
            throw invalid(s, ConfigKey.MAIL_DKIM_SELECTOR, "a DNS label such as 'paperwire' or '2026a'");
        }
        String file = s.get(ConfigKey.MAIL_DKIM_PRIVATE_KEY_FILE).raw().strip();
        try {
            Path path = Path.of(file);
            return Optional.of(new DkimConfig(domain, selector, path.toAbsolutePath(), KeyFiles.dkimPrivateKey(path)));
        } catch (IOException | GeneralSecurityException | InvalidPathException e) {
            throw invalid(s, ConfigKey.MAIL_DKIM_PRIVATE_KEY_FILE, "a readable, unencrypted RSA private key in PEM or"
                    + " DER (make one with 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out"
                    + " dkim.key'), but " + KeyFiles.reason(e));
        }
    }

    private static DigestConfig digest(ConfigSources s) {
        ZoneId zone;
        try {
            zone = ZoneId.of(s.get(ConfigKey.DIGEST_DEFAULT_TIME_ZONE).raw().strip());
        } catch (DateTimeException e) {
            throw invalid(s, ConfigKey.DIGEST_DEFAULT_TIME_ZONE, "an IANA time zone such as UTC or Europe/Berlin");
        }
        Period ttl = period(s, ConfigKey.SUBSCRIPTION_LINK_TTL);
        if (ttl.isZero()) {
            throw invalid(s, ConfigKey.SUBSCRIPTION_LINK_TTL, "a period greater than zero such as P30D");
        }
        return new DigestConfig(bool(s, ConfigKey.DIGEST_ENABLED), integer(s, ConfigKey.DIGEST_DEFAULT_HOUR, 0, 23),
                zone, number(s, ConfigKey.DIGEST_MIN_SIMILARITY, -1, 1), positiveDuration(s, ConfigKey.DIGEST_RETRY_DELAY),
                integer(s, ConfigKey.DIGEST_MAX_ATTEMPTS, 1, 100), ttl,
                integer(s, ConfigKey.SUBSCRIPTION_PER_CLIENT_PER_HOUR, 1, 100000),
                duration(s, ConfigKey.SUBSCRIPTION_MAIL_INTERVAL), period(s, ConfigKey.DIGEST_KEEP_MAIL),
                positivePeriod(s, ConfigKey.SUBSCRIPTION_PENDING_TTL),
                integer(s, ConfigKey.DIGEST_RECOMMENDATIONS_PER_COLLECTION, 0, 100));
    }

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://[^/\\s]+/[^\\s]+");

    private static StoreConfig store(ConfigSources s) {
        String url = s.get(ConfigKey.STORE_URL).raw().strip();
        if (!url.isEmpty() && !POSTGRES_URL.matcher(url).matches()) {
            throw invalid(s, ConfigKey.STORE_URL, "empty (SQLite in the data folder) or a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://db.example.org:5432/paperwire");
        }
        return new StoreConfig(url, s.get(ConfigKey.STORE_USERNAME).raw(), s.get(ConfigKey.STORE_PASSWORD).raw(),
                integer(s, ConfigKey.STORE_POOL_SIZE, 1, 200));
    }

    private static HuggingFaceConfig huggingFace(ConfigSources s) {
        return new HuggingFaceConfig(httpUrl(s, ConfigKey.HF_URL), duration(s, ConfigKey.HF_REQUEST_INTERVAL));
    }

    private static TrendingConfig trending(ConfigSources s) {
        return new TrendingConfig(
                number(s, ConfigKey.TRENDING_GRAVITY, 0, 10),
                number(s, ConfigKey.TRENDING_BASE_HOURS, 0.01, 1000),
                number(s, ConfigKey.TRENDING_WEIGHT_VOTES, 0, 1000),
                number(s, ConfigKey.TRENDING_WEIGHT_HF_UPVOTES, 0, 1000),
                number(s, ConfigKey.TRENDING_WEIGHT_GITHUB_STARS, 0, 1000),
                number(s, ConfigKey.TRENDING_WEIGHT_VIEWS, 0, 1000),
                duration(s, ConfigKey.TRENDING_CACHE_TTL));
    }

    private static WebConfig web(ConfigSources s) {
        return new WebConfig(secret(s, ConfigKey.WEB_SECRET), integer(s, ConfigKey.WEB_VOTES_PER_MINUTE, 1, 100000),
                secret(s, ConfigKey.WEB_ADMIN_TOKEN), trustedProxies(s),
                integer(s, ConfigKey.WEB_VOTES_PER_NETWORK_PER_PAPER, 1, 100000),
                integer(s, ConfigKey.WEB_VIEWS_PER_NETWORK_PER_PAPER, 1, 100000),
                integer(s, ConfigKey.WEB_PREVIEWS_PER_MINUTE, 1, 100000),
                positiveDuration(s, ConfigKey.WEB_SESSION_IDLE), positiveDuration(s, ConfigKey.WEB_SIGN_IN_TTL));
    }

    /** Empty (also for blanks), or at least {@link #MIN_SECRET_BYTES} bytes; the message never repeats the value. */
    private static String secret(ConfigSources s, ConfigKey key) {
        ConfigSources.Value v = s.get(key);
        if (v.raw().isBlank()) {
            return "";
        }
        int bytes = v.raw().getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new ConfigException(key.key() + " (from " + v.origin() + ") is " + bytes + " bytes long; it must"
                    + " have at least " + MIN_SECRET_BYTES + " random bytes: set it to the output of"
                    + " 'openssl rand -hex 32', or leave it empty" + (key == ConfigKey.WEB_SECRET
                            ? " to have one generated into DATA_DIR/secret.key" : " to allow loopback clients only")
                    + "; also settable as " + key.envName());
        }
        return v.raw();
    }

    private static List<Cidr> trustedProxies(ConfigSources s) {
        List<Cidr> blocks = new ArrayList<>();
        for (String block : list(s, ConfigKey.WEB_TRUSTED_PROXIES)) {
            try {
                blocks.add(Cidr.parse(block));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid value '" + block + "' in " + ConfigKey.WEB_TRUSTED_PROXIES.key()
                        + " (from " + s.get(ConfigKey.WEB_TRUSTED_PROXIES).origin() + "): " + e.getMessage()
                        + "; expected comma-separated CIDR blocks; also settable as "
                        + ConfigKey.WEB_TRUSTED_PROXIES.envName());
            }
        }
        return List.copyOf(blocks);
    }

    private static double number(ConfigSources s, ConfigKey key, double min, double max) {
        try {
            double value = Double.parseDouble(s.get(key).raw());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid(s, key, "a number from " + min + " to " + max);
    }

    private static ConfigException invalid(ConfigSources s, ConfigKey key, String expected) {
        ConfigSources.Value v = s.get(key);
        return new ConfigException("invalid value '" + v.raw() + "' for " + key.key() + " (from " + v.origin()
                + "): expected " + expected + "; also settable as " + key.envName());
    }

    private static int integer(ConfigSources s, ConfigKey key, int min, int max) {
        try {
            int value = Integer.parseInt(s.get(key).raw());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid(s, key, "a whole number from " + min + " to " + max);
    }

    private static boolean bool(ConfigSources s, ConfigKey key) {
        return switch (s.get(key).raw().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(s, key, "true or false");
        };
    }

    private static Duration duration(ConfigSources s, ConfigKey key) {
        try {
            Duration d = Duration.parse(s.get(key).raw());
            if (!d.isNegative()) {
                return d;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw invalid(s, key, "an ISO-8601 duration such as PT3S, PT5M or PT6H");
    }

    private static Duration positiveDuration(ConfigSources s, ConfigKey key) {
        Duration d = duration(s, key);
        if (d.isZero()) {
            throw invalid(s, key, "a duration greater than zero");
        }
        return d;
    }

    private static Period period(ConfigSources s, ConfigKey key) {
        try {
            Period p = Period.parse(s.get(key).raw());
            if (!p.isNegative()) {
                return p;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        throw invalid(s, key, "an ISO-8601 period such as P7D");
    }

    private static Period positivePeriod(ConfigSources s, ConfigKey key) {
        Period p = period(s, key);
        if (p.isZero()) {
            throw invalid(s, key, "a period greater than zero such as P7D");
        }
        return p;
    }

    private static URI httpUrl(ConfigSources s, ConfigKey key) {
        try {
            URI uri = new URI(s.get(key).raw());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        throw invalid(s, key, "an http:// or https:// URL");
    }

    private static URI stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static Path path(ConfigSources s, ConfigKey key) {
        String raw = s.get(key).raw();
        if (raw.isBlank()) {
            throw invalid(s, key, "a folder path");
        }
        return Path.of(raw).toAbsolutePath().normalize();
    }

    private static List<String> list(ConfigSources s, ConfigKey key) {
        return Arrays.stream(s.get(key).raw().split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static List<String> sources(ConfigSources s, List<String> known) {
        List<String> sources = list(s, ConfigKey.HARVEST_SOURCES);
        for (String source : sources) {
            if (!known.contains(source)) {
                throw invalid(s, ConfigKey.HARVEST_SOURCES, "a comma-separated list of " + known);
            }
        }
        return sources;
    }

    private static List<String> categories(ConfigSources s) {
        List<String> categories = list(s, ConfigKey.HARVEST_CATEGORIES);
        if (categories.isEmpty() || !categories.stream().allMatch(c -> CATEGORY.matcher(c).matches())) {
            throw invalid(s, ConfigKey.HARVEST_CATEGORIES, "a comma-separated list of arXiv categories such as cs.LG,stat.ML");
        }
        return categories;
    }

    private static SearchConfig search(ConfigSources s, List<String> knownModels) {
        String model = s.get(ConfigKey.SEARCH_EMBEDDING_MODEL).raw().strip();
        if (!knownModels.contains(model)) {
            throw invalid(s, ConfigKey.SEARCH_EMBEDDING_MODEL, "one of " + String.join(", ", knownModels));
        }
        return new SearchConfig(model,
                integer(s, ConfigKey.SEARCH_EMBEDDING_THREADS, 1, 64),
                bool(s, ConfigKey.SEARCH_BACKGROUND_EMBEDDING),
                positiveDuration(s, ConfigKey.SEARCH_FOLLOW_INTERVAL));
    }

    private static String metadataPrefix(ConfigSources s) {
        String prefix = s.get(ConfigKey.ARXIV_OAI_METADATA_PREFIX).raw();
        if (!prefix.equals("arXivRaw") && !prefix.equals("arXiv")) {
            throw invalid(s, ConfigKey.ARXIV_OAI_METADATA_PREFIX, "arXivRaw or arXiv");
        }
        return prefix;
    }
}
