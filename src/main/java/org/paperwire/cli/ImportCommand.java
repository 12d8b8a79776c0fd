package org.paperwire.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire import FILE...}: loads bulk files. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import bulk files (Kaggle snapshot, daily listings, BEIR corpus).")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        throw new UserError("import: not built yet"); // TODO(import)
    }
}
