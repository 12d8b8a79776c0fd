package org.paperwire.ingest.arxiv;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.paperwire.config.ConfigException;
import org.paperwire.config.ConfigKey;

/**
 * Which arXiv OAI-PMH set holds a category. arXiv's sets are its subject groups: {@code cs}, {@code math},
 * {@code stat}, {@code eess}, {@code econ}, {@code q-bio}, {@code q-fin}, and under {@code physics} one set
 * per physics archive ({@code physics:hep-th}, {@code physics:cond-mat}, ...). A set holds every category of
 * its archive, so records from the set are filtered by category afterwards.
 */
final class OaiSets {
    private static final Set<String> GROUPS = Set.of("cs", "econ", "eess", "math", "q-bio", "q-fin", "stat");
    private static final Set<String> PHYSICS_ARCHIVES = Set.of("astro-ph", "cond-mat", "gr-qc", "hep-ex",
            "hep-lat", "hep-ph", "hep-th", "math-ph", "nlin", "nucl-ex", "nucl-th", "physics", "quant-ph");

    private OaiSets() {}

    /** The set of {@code category} ({@code cs.LG} → {@code cs}, {@code hep-th} → {@code physics:hep-th}). */
    static Optional<String> of(String category) {
        int dot = category.indexOf('.');
        String archive = dot < 0 ? category : category.substring(0, dot);
        if (GROUPS.contains(archive)) {
            return Optional.of(archive);
        }
        return PHYSICS_ARCHIVES.contains(archive) ? Optional.of("physics:" + archive) : Optional.empty();
    }

    /** The sets to harvest for {@code categories}, each once, in the order the categories first need them. */
    static List<String> forCategories(List<String> categories) {
        Set<String> sets = new LinkedHashSet<>();
        for (String category : categories) {
            sets.add(of(category).orElseThrow(() -> new ConfigException("unknown arXiv category '" + category
                    + "' in " + ConfigKey.HARVEST_CATEGORIES.key() + ": its archive is none of " + GROUPS
                    + " or the physics archives " + PHYSICS_ARCHIVES + "; check the spelling (e.g. cs.LG, hep-th)")));
        }
        return List.copyOf(sets);
    }
}
