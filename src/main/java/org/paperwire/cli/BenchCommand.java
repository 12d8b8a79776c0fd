package org.paperwire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire bench ...}: benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchImportCommand.class, BenchWebCommand.class, BenchSearchCommand.class})
final class BenchCommand {
    @ParentCommand
    Main main;
}
