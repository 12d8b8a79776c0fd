package org.paperwire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire bench ...}: benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchImportCommand.class, BenchSearchCommand.class, BenchWebCommand.class, BenchClusterCommand.class,
                BenchDigestCommand.class, BenchRecsCommand.class})
final class BenchCommand {
    @ParentCommand
    Main main;
}
