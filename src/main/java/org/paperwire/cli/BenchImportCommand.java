package org.paperwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.paperwire.app.Paperwire;
import org.paperwire.bench.ImportBenchResult;
import org.paperwire.bench.Memory;
import org.paperwire.config.ConfigKey;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code paperwire bench import}: times importing the shared daily listings into a fresh temporary store,
 * which is deleted afterwards.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Time importing daily listing files into a fresh temporary store.")
final class BenchImportCommand implements Callable<Integer> {
    static final String DEFAULT_FILES = "../shared/data/arxiv/daily-arxiv-ai-enhanced/data";

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--files", paramLabel = "DIR",
            description = "folder of *.jsonl[.gz] files (default " + DEFAULT_FILES + ", from here or the repository)")
    Path folder;

    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<Path> files = listFiles(folder != null ? folder : defaultFolder());
        Path store = Files.createTempDirectory("paperwire-bench-");
        try {
            ImportBenchResult result = measure(files, store);
            print(result);
            return result.failed() > 0 ? 1 : 0;
        } finally {
            deleteTree(store);
        }
    }

    private ImportBenchResult measure(List<Path> files, Path store) {
        try (Paperwire app = new Paperwire(bench.main.config(Map.of(ConfigKey.DATA_DIR, store.toString())),
                Clock.systemUTC())) {
            long start = System.nanoTime();
            IngestReport report = app.bulkImporter().importFiles(files, ImportOptions.detect(), ImportProgress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new ImportBenchResult(files.size(), report.read(), app.papers().count(), report.failed(),
                    Math.round(seconds * 100) / 100.0, Math.round(report.read() / seconds), Memory.peakRssMb());
        }
    }

    private void print(ImportBenchResult r) throws JsonProcessingException {
        if (json) {
            System.out.println(Json.mapper().writeValueAsString(r));
            return;
        }
        System.out.printf("bench import: %,d files%n", r.files());
        System.out.printf("  papers (records read) %,d%n  distinct papers       %,d%n", r.papers(), r.distinctPapers());
        System.out.printf("  seconds               %.2f%n  papers per second     %,d%n", r.seconds(), r.papersPerSecond());
        System.out.printf("  peak RSS              %,d MB%n", r.peakRssMb());
        if (r.failed() > 0) {
            System.out.printf("  FAILED records        %,d (see the log)%n", r.failed());
        }
    }

    /** The shared data relative to the working folder, else relative to the repository this build came from. */
    static Path defaultFolder() {
        Path here = Path.of(DEFAULT_FILES).toAbsolutePath().normalize();
        if (Files.isDirectory(here)) {
            return here;
        }
        Optional<Path> besideRepo = repository().map(repo -> repo.resolve(DEFAULT_FILES).normalize());
        return besideRepo.filter(Files::isDirectory).orElseThrow(() -> new UserError("no daily listing files at "
                + here + besideRepo.map(p -> " or " + p).orElse("") + "; pass --files DIR"));
    }

    /** The repository holding target/paperwire.jar or target/classes, when running from one. */
    private static Optional<Path> repository() {
        try {
            Path code = Path.of(BenchImportCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent()).map(Path::getParent);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty(); // no code source (e.g. a custom class loader): only the working folder counts
        }
    }

    static List<Path> listFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserError("--files " + folder + " is not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> files = entries.filter(p -> p.getFileName().toString().matches(".*\\.jsonl?(\\.gz)?"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new UserError("no *.jsonl or *.jsonl.gz files in " + folder);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code root} and everything under it (the benchmarks' throwaway stores). */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
