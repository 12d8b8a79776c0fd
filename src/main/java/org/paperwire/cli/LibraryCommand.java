package org.paperwire.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.paperwire.app.Paperwire;
import org.paperwire.library.transfer.EntryError;
import org.paperwire.library.transfer.ExportFormat;
import org.paperwire.library.transfer.ImportReport;
import org.paperwire.library.transfer.LibraryException;
import org.paperwire.library.transfer.LibraryExporter;
import org.paperwire.library.transfer.LibraryFileException;
import org.paperwire.library.transfer.LibraryImporter;
import org.paperwire.library.SubscriberLibraries;
import org.paperwire.library.transfer.LibraryItems;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire library import|export}: a reader's library from and to reference managers. */
@Command(name = "library", mixinStandardHelpOptions = true,
        description = "Import a reader's library from BibTeX, CSL-JSON or an id list, or export it.",
        subcommands = {LibraryCommand.Import.class, LibraryCommand.Export.class})
final class LibraryCommand {
    @ParentCommand
    Main main;

    /** The reader library of an app. Tests replace it; {@link #storeOf} is the production one. */
    Function<Paperwire, LibraryItems> library = LibraryCommand::storeOf;

    /** The subscribers' libraries of the app's store. */
    static LibraryItems storeOf(Paperwire app) {
        return new SubscriberLibraries(app.subscribers(), app.library());
    }

    Paperwire app() {
        return new Paperwire(main.config(Map.of()), Clock.systemUTC());
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
            "Save the papers of reference-manager exports into a reader's collection: BibTeX/BibLaTeX (Zotero,",
            "JabRef, Mendeley), CSL-JSON (Zotero) or one arXiv id or URL a line; the format is told from the content.",
            "Exit status 1 when an entry could not be read."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;

        @Option(names = "--reader", required = true, paramLabel = "EMAIL", description = "the reader (a subscriber's address)")
        String reader;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = ".bib, .json or a text file of arXiv ids")
        List<Path> files;

        @Option(names = "--collection", paramLabel = "NAME", description = "the collection to save into (default Library)")
        String collection;

        @Option(names = "--json", description = "print the report as one JSON object")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            try (Paperwire app = parent.app()) {
                ImportReport report = new LibraryImporter(app.papers(), parent.library.apply(app))
                        .importFiles(reader, collection, files);
                print(report);
                return report.failed() > 0 ? 1 : 0;
            } catch (LibraryException | LibraryFileException e) {
                throw new UserError(e.getMessage());
            }
        }

        private void print(ImportReport r) throws JsonProcessingException {
            if (json) {
                System.out.println(Json.mapper().writeValueAsString(r.asMap()));
                return;
            }
            System.out.printf("read %,d · matched %,d (%,d of them not in the store yet, kept by id) · unmatched %,d"
                    + " · failed %,d%n", r.read(), r.matched(), r.kept(), r.unmatched(), r.failed());
            r.unmatchedEntries().forEach(e -> System.out.println("  unmatched: " + e));
            r.errors().forEach(e -> System.out.println("  failed: " + e));
            listedAll(r.unmatched(), r.unmatchedEntries(), "unmatched");
            listedAll(r.failed(), r.errors(), "failed");
        }

        private static void listedAll(int count, List<EntryError> listed, String what) {
            if (count > listed.size()) {
                System.out.printf("  ... and %,d more %s entries%n", count - listed.size(), what);
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print a reader's collection (default: the whole library) as BibTeX or CSL-JSON.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        LibraryCommand parent;

        @Option(names = "--reader", required = true, paramLabel = "EMAIL", description = "the reader (a subscriber's address)")
        String reader;

        @Option(names = "--collection", paramLabel = "NAME", description = "one collection (default: every collection)")
        String collection;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "bibtex", description = "bibtex or csl-json")
        String format;

        @Override
        public Integer call() {
            ExportFormat f = ExportFormat.fromName(format).orElseThrow(() -> new UserError(
                    "unknown format '" + format + "'; use bibtex or csl-json"));
            try (Paperwire app = parent.app()) {
                System.out.print(new LibraryExporter(app.papers(), parent.library.apply(app)).export(reader, collection, f));
                return 0;
            } catch (LibraryException e) {
                throw new UserError(e.getMessage());
            }
        }
    }
}
