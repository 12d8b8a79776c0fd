package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.library.transfer.LibraryItems;

/** Issue 10, item 8: {@code library import} and {@code library export}, their JSON keys, exit codes and errors. */
class LibraryCommandTest {
    @TempDir
    Path dir;

    /** One reader's collections in memory, standing in for the library store. */
    final Map<String, Set<String>> collections = new LinkedHashMap<>();
    final LibraryItems library = new LibraryItems() {
        @Override
        public boolean hasReader(String readerEmail) {
            return readerEmail.equals("ada@example.org");
        }

        @Override
        public void addAll(String readerEmail, String collection, List<String> paperIds) {
            collections.computeIfAbsent(collection, c -> new LinkedHashSet<>()).addAll(paperIds);
        }

        @Override
        public Optional<List<String>> list(String readerEmail, String collection) {
            return collection == null ? Optional.of(collections.values().stream().flatMap(Set::stream).distinct().toList())
                    : Optional.ofNullable(collections.get(collection)).map(ArrayList::new);
        }
    };

    CliRun paperwire(boolean wired, String... args) {
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return CliRun.paperwire(cli -> {
            if (wired) {
                LibraryCommand command = cli.getSubcommands().get("library").getCommand();
                command.library = app -> library;
            }
            return cli;
        }, all.toArray(String[]::new));
    }

    Path ids() throws Exception {
        return Files.writeString(dir.resolve("ids.txt"), "2301.01234v2\nhttps://arxiv.org/abs/hep-th/9901001\nnonsense\n");
    }

    @Test
    void importJsonHasTheKeysToolsReadAndExitsOneWhenAnEntryFailed() throws Exception {
        CliRun run = paperwire(true, "library", "import", "--reader", "ada@example.org", "--collection", "Reading", "--json",
                ids().toString());
        assertThat(run.status()).isEqualTo(1);
        JsonNode report = run.json();
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("read", "matched", "unmatched", "failed", "errors");
        assertThat(report.get("read").asInt()).isEqualTo(3);
        assertThat(report.get("matched").asInt()).isEqualTo(2);
        assertThat(report.get("kept").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("key").asText()).isEqualTo("nonsense");
        assertThat(error.get("file").asText()).endsWith("ids.txt");
        assertThat(collections.get("Reading")).containsExactly("2301.01234", "hep-th/9901001");
    }

    @Test
    void exportPrintsTheCollectionInTheFormatAsked() throws Exception {
        paperwire(true, "library", "import", "--reader", "ada@example.org", ids().toString());
        CliRun bib = paperwire(true, "library", "export", "--reader", "ada@example.org");
        assertThat(bib.status()).isZero();
        assertThat(bib.out()).contains("eprint = {2301.01234}", "eprint = {hep-th/9901001}");
        CliRun csl = paperwire(true, "library", "export", "--reader", "ada@example.org", "--collection", "Library",
                "--format", "csl-json");
        assertThat(csl.json()).hasSize(2);
    }

    @Test
    void anUnknownReaderFileCollectionOrFormatIsAUsageErrorNamingIt() throws Exception {
        CliRun reader = paperwire(true, "library", "import", "--reader", "eve@example.org", ids().toString());
        assertThat(reader.status()).isEqualTo(2);
        assertThat(reader.err()).contains("no reader eve@example.org");
        CliRun file = paperwire(true, "library", "import", "--reader", "ada@example.org", dir.resolve("nope.bib").toString());
        assertThat(file.status()).isEqualTo(2);
        assertThat(file.err()).contains("no such file: " + dir.resolve("nope.bib"));
        CliRun collection = paperwire(true, "library", "export", "--reader", "ada@example.org", "--collection", "Gone");
        assertThat(collection.err()).contains("has no collection 'Gone'");
        CliRun format = paperwire(true, "library", "export", "--reader", "ada@example.org", "--format", "ris");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'ris'");
        assertThat(collections).isEmpty();
    }

    @Test
    void onTheRealStoreAnAddressThatIsNoSubscribersIsNamed() throws Exception {
        CliRun run = paperwire(false, "library", "import", "--reader", "ada@example.org", ids().toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no reader ada@example.org").contains("subscribers list");
    }
}
