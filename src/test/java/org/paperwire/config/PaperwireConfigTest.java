package org.paperwire.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.ingest.arxiv.ArxivApiSource;
import org.paperwire.ingest.arxiv.OaiPmhSource;
import org.paperwire.ingest.huggingface.HuggingFaceSource;

class PaperwireConfigTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsDescribeAnEmbeddedInstanceOnPort8080() {
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir().getFileName().toString()).isEqualTo("paperwire-data");
        assertThat(config.publicUrl().toString()).isEqualTo("http://localhost:8080");
        assertThat(config.harvest().categories()).containsExactly("cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML");
        assertThat(config.arxiv().requestInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = tmp.resolve("paperwire.properties");
        Files.writeString(file, "port = 9000\nharvest.interval = PT1H\npublic-url = https://papers.example.org/\n");
        Map<String, String> env = Map.of("PAPERWIRE_PORT", "9100", "PAPERWIRE_HARVEST_INTERVAL", "PT2H");

        PaperwireConfig config = TestConfigs.from(
                ConfigSources.load(file, env, Map.of(ConfigKey.PORT, "9200")));

        assertThat(config.port()).isEqualTo(9200);
        assertThat(config.harvest().interval()).isEqualTo(Duration.ofHours(2));
        assertThat(config.publicUrl().toString()).isEqualTo("https://papers.example.org");
    }

    @Test
    void anInvalidValueNamesTheKeyItsOriginAndTheFix() {
        ConfigSources sources = ConfigSources.load(null, Map.of("PAPERWIRE_PORT", "eighty"), Map.of());
        assertThatThrownBy(() -> TestConfigs.from(sources))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'eighty'")
                .hasMessageContaining("port")
                .hasMessageContaining("environment variable PAPERWIRE_PORT")
                .hasMessageContaining("whole number");
    }

    /** Issue 9, finding 2. */
    @Test
    void trustedProxiesAreCidrBlocksAndABadOneIsNamedAtStartUp() {
        PaperwireConfig config = TestConfigs.from(ConfigSources.load(null,
                Map.of("PAPERWIRE_WEB_TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8,fd00::/8"), Map.of()));
        assertThat(config.web().trustedProxies()).map(Object::toString)
                .containsExactly("127.0.0.1/32", "10.0.0.0/8", "fd00:0:0:0:0:0:0:0/8");
        assertThat(TestConfigs.from(ConfigSources.defaults()).web().trustedProxies()).isEmpty();
        ConfigSources bad = ConfigSources.load(null, Map.of("PAPERWIRE_WEB_TRUSTED_PROXIES", "10.0.0.0/8,10.0.0.300/24"),
                Map.of());
        assertThatThrownBy(() -> TestConfigs.from(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'10.0.0.300/24'").hasMessageContaining("web.trusted-proxies")
                .hasMessageContaining("PAPERWIRE_WEB_TRUSTED_PROXIES");
    }

    @Test
    void theModelsKeptInMemoryAreBoundedByAKeyThatRefusesZero() {
        assertThat(TestConfigs.from(ConfigSources.defaults()).recommend().maxModels()).isEqualTo(10_000);
        assertThat(TestConfigs.from(ConfigSources.load(null, Map.of("PAPERWIRE_RECOMMEND_MAX_MODELS", "500"), Map.of()))
                .recommend().maxModels()).isEqualTo(500);
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.load(null,
                Map.of("PAPERWIRE_RECOMMEND_MAX_MODELS", "0"), Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("recommend.max-models");
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedByName() throws Exception {
        Path file = tmp.resolve("bad.properties");
        Files.writeString(file, "prot = 9000\n");
        assertThatThrownBy(() -> ConfigSources.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'prot'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = tmp.resolve("nope.properties");
        assertThatThrownBy(() -> ConfigSources.load(missing, Map.of(), Map.of()))
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    /** Issue 12, point 7: the accepted names are the sources' own, listed in one order on every run. */
    @Test
    void anUnknownHarvestSourceIsRefusedNamingTheSourcesInOrder() {
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.defaults().with(ConfigKey.HARVEST_SOURCES, "rss")))
                .hasMessageContaining("[" + OaiPmhSource.NAME + ", " + ArxivApiSource.NAME + ", "
                        + HuggingFaceSource.NAME + "]");
    }

    @Test
    void unknownHarvestSourcesAndBadCategoriesAreRefused() {
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.defaults().with(ConfigKey.HARVEST_SOURCES, "rss")))
                .hasMessageContaining("harvest.sources").hasMessageContaining("arxiv-oai");
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.defaults().with(ConfigKey.HARVEST_CATEGORIES, "cs LG")))
                .hasMessageContaining("harvest.categories");
    }

    @Test
    void everyKeyHasAnEnvironmentNameInUpperSnakeCase() {
        assertThat(ConfigKey.PUBLIC_URL.envName()).isEqualTo("PAPERWIRE_PUBLIC_URL");
        assertThat(ConfigKey.ARXIV_OAI_URL.envName()).isEqualTo("PAPERWIRE_ARXIV_OAI_URL");
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.envName()).matches("PAPERWIRE_[A-Z0-9_]+");
            assertThat(key.description()).isNotBlank();
        }
    }

    @Test
    void aWebSecretShorterThan32BytesIsRefusedWithTheFixAndWithoutRepeatingIt() {
        ConfigSources sources = ConfigSources.load(null, Map.of("PAPERWIRE_WEB_SECRET", "hunter2hunter2"), Map.of());
        assertThatThrownBy(() -> TestConfigs.from(sources))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("web.secret")
                .hasMessageContaining("environment variable PAPERWIRE_WEB_SECRET")
                .hasMessageContaining("14 bytes")
                .hasMessageContaining("at least 32")
                .hasMessageContaining("openssl rand -hex 32")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aWebSecretOf32BytesOrNoneAtAllIsAccepted() {
        String secret = "0123456789abcdef0123456789abcdef";
        assertThat(TestConfigs.from(ConfigSources.defaults().with(ConfigKey.WEB_SECRET, secret)).web().secret())
                .isEqualTo(secret);
        assertThat(TestConfigs.from(ConfigSources.defaults()).web().secret()).isEmpty();
    }

    @Test
    void aShortAdminTokenIsRefusedByName() {
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.defaults().with(ConfigKey.WEB_ADMIN_TOKEN, "letmein")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("web.admin-token")
                .hasMessageContaining("PAPERWIRE_WEB_ADMIN_TOKEN")
                .hasMessageNotContaining("letmein");
    }

    @Test
    void theWebSettingsNeverPrintTheirSecrets() {
        String secret = "0123456789abcdef0123456789abcdef";
        PaperwireConfig config = TestConfigs.from(ConfigSources.defaults().with(ConfigKey.WEB_SECRET, secret)
                .with(ConfigKey.WEB_ADMIN_TOKEN, secret + "-admin"));
        assertThat(config.toString()).doesNotContain(secret);
    }

    @Test
    void pendingSubscriptionsExpireAfterSevenDaysUnlessConfiguredOtherwise() {
        assertThat(TestConfigs.from(ConfigSources.defaults()).digest().pendingTtl()).isEqualTo(Period.ofDays(7));
        assertThat(TestConfigs.from(ConfigSources.load(null, Map.of("PAPERWIRE_SUBSCRIPTION_PENDING_TTL", "P2D"),
                Map.of())).digest().pendingTtl()).isEqualTo(Period.ofDays(2));
        assertThatThrownBy(() -> TestConfigs.from(ConfigSources.defaults().with(ConfigKey.SUBSCRIPTION_PENDING_TTL, "P0D")))
                .hasMessageContaining("subscription.pending-ttl").hasMessageContaining("greater than zero");
    }

    @Test
    void anEmbeddingModelOrSourceOutsideTheGivenIdsIsRefusedNamingTheKnownOnes() {
        KnownIds known = new KnownIds(List.of("model-a", "model-b"), List.of("source-a"));
        ConfigSources base = ConfigSources.defaults().with(ConfigKey.HARVEST_SOURCES, "source-a");
        assertThat(PaperwireConfig.from(base.with(ConfigKey.SEARCH_EMBEDDING_MODEL, "model-b"), known)
                .search().embeddingModel()).isEqualTo("model-b");
        assertThatThrownBy(() -> PaperwireConfig.from(base.with(ConfigKey.SEARCH_EMBEDDING_MODEL, "model-c"), known))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model-c").hasMessageContaining("model-a, model-b");
        assertThatThrownBy(() -> PaperwireConfig.from(ConfigSources.defaults()
                .with(ConfigKey.SEARCH_EMBEDDING_MODEL, "model-a").with(ConfigKey.HARVEST_SOURCES, "source-b"), known))
                .isInstanceOf(ConfigException.class).hasMessageContaining("source-b").hasMessageContaining("[source-a]");
    }
}
