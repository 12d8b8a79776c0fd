package org.paperwire.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.paperwire.Fuzz;

/** Properties of {@link ArxivId} over random and mutated ids (issue 9, finding 7). */
class ArxivIdFuzzTest {
    private static final List<String> IDS = List.of("2406.01234v2", "0704.0001", "hep-th/9901001v3", "math.GT/0309136",
            "arXiv:2104.12255v1", "http://arxiv.org/abs/2104.12255v1", "https://arxiv.org/pdf/quant-ph/0201082v1",
            "2406.01234v99999999999", "2406.01234v999999");
    private static final Pattern CANONICAL = Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(\\.[A-Z]{2})?/\\d{7}");

    @Test
    void parsingNeverThrowsAndWhatItAcceptsIsCanonicalAndRoundTrips() {
        Fuzz.check("ArxivId.parse", 1000,
                r -> r.nextBoolean() ? Fuzz.mutate(r, Fuzz.oneOf(r, IDS)) : Fuzz.text(r, 40),
                raw -> {
                    Optional<ArxivId> id = ArxivId.parse(raw);
                    id.ifPresent(parsed -> {
                        assertThat(parsed.id()).matches(CANONICAL);
                        assertThat(parsed.version()).isBetween(0, 999_999);
                        assertThat(ArxivId.parse(parsed.id() + "v" + parsed.version())).contains(parsed);
                    });
                    Throwable thrown = catchThrowable(() -> ArxivId.parseOrThrow(raw));
                    if (id.isEmpty()) {
                        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
                    } else {
                        assertThat(thrown).isNull();
                    }
                });
    }
}
