package org.paperwire.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.ingest.HarvestBusyException;
import org.paperwire.ingest.HarvestService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire harvest}: pulls from the live sources once and prints what it did. */
@Command(name = "harvest", mixinStandardHelpOptions = true, description = "Harvest once from arXiv (OAI-PMH, API) and Hugging Face daily papers.")
final class HarvestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--source", paramLabel = "NAME", description = "arxiv-oai, arxiv-api or huggingface (default: all)")
    String source;

    @Option(names = "--from", paramLabel = "DATE", description = "harvest from this date (YYYY-MM-DD) instead of the checkpoint")
    LocalDate from;

    @Option(names = "--json", description = "print the reports as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Paperwire app = new Paperwire(main.config(Map.of()), Clock.systemUTC())) {
            HarvestService harvests = app.harvests();
            List<String> sources = source == null ? harvests.sourceNames() : List.of(source);
            if (source != null && !harvests.sourceNames().contains(source)) {
                throw new UserError("unknown source '" + source + "'; use one of " + harvests.sourceNames());
            }
            boolean failed = false;
            for (String name : sources) {
                HarvestService.Run run;
                try {
                    run = harvests.run(name, from);
                } catch (HarvestBusyException busy) {
                    // e.g. a running serve harvests it: asking arXiv from both would break its pace
                    System.err.println("skipped: " + busy.getMessage());
                    continue;
                }
                failed |= run.error().isPresent() || run.report().failed() > 0;
                ReportPrinter.print(name, run.report(), run.error().orElse(null), json);
            }
            return failed ? 1 : 0;
        }
    }
}
