package org.paperwire.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.ingest.IngestReport;
import org.paperwire.ingest.bulk.BulkFormat;
import org.paperwire.ingest.bulk.BulkImporter;
import org.paperwire.ingest.bulk.ImportOptions;
import org.paperwire.ingest.bulk.ImportProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire import FILE...}: loads bulk files; exit status 1 when any record failed. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import bulk files (Kaggle snapshot, daily listings, BEIR corpus), plain or .gz.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON Lines files, plain or gzip-compressed")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "kaggle, daily or beir (default: detected per file from its first good line)")
    String format;

    @Option(names = "--listed-on", paramLabel = "DATE",
            description = "listing day (YYYY-MM-DD) of daily listings (default: the date in each file name)")
    LocalDate listedOn;

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    @Override
    public Integer call() {
        ImportOptions options = new ImportOptions(format == null ? null : parseFormat(format), listedOn);
        try (Paperwire app = new Paperwire(main.config(Map.of()), Clock.systemUTC())) {
            IngestReport report = run(app.bulkImporter(), options);
            ReportPrinter.print(null, report, null, json);
            return report.failed() > 0 ? 1 : 0;
        }
    }

    private IngestReport run(BulkImporter importer, ImportOptions options) {
        if (json || !ImportProgressBar.interactive()) {
            return importer.importFiles(files, options, ImportProgress.NONE);
        }
        try (ImportProgressBar bar = ImportProgressBar.start(BulkImporter.totalBytes(files))) {
            return importer.importFiles(files, options, bar);
        }
    }

    private static BulkFormat parseFormat(String name) {
        return BulkFormat.fromName(name).orElseThrow(() -> new UserError(
                "unknown format '" + name + "'; use one of " + BulkFormat.choices()));
    }
}
