package org.paperwire.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperwire.config.ConfigException;
import org.paperwire.paper.Paper;

class OaiSetsTest {

    @Test
    void mapsEachCategoryToTheSetOfItsArchiveAndAsksForEachSetOnce() {
        assertThat(OaiSets.forCategories(List.of("cs.LG", "cs.AI", "stat.ML", "math.GT", "eess.SP", "q-bio.NC",
                "q-fin.ST", "econ.EM", "hep-th", "astro-ph.GA", "cond-mat.mes-hall", "quant-ph", "physics.optics")))
                .containsExactly("cs", "stat", "math", "eess", "q-bio", "q-fin", "econ", "physics:hep-th",
                        "physics:astro-ph", "physics:cond-mat", "physics:quant-ph", "physics:physics");
    }

    @Test
    void refusesACategoryOfNoKnownArchiveNamingTheConfigKey() {
        assertThatThrownBy(() -> OaiSets.forCategories(List.of("cs.LG", "bio.XX")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("unknown arXiv category 'bio.XX' in harvest.categories");
    }

    @Test
    void aBareArchiveTakesAllItsCategories() {
        CategoryFilter filter = new CategoryFilter(List.of("hep-th", "cs"));
        assertThat(filter.accepts(paper("hep-th"))).isTrue();
        assertThat(filter.accepts(paper("math.NA", "cs.NA"))).isTrue();
        assertThat(filter.accepts(paper("hep-ph", "stat.ML"))).isFalse();
    }

    private static Paper paper(String... categories) {
        return new Paper("1910.00001", 1, "t", "", List.of(), List.of(categories), null, null,
                null, null, null, null);
    }
}
