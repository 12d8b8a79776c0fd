package org.paperwire.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.paperwire.SharedData;
import picocli.CommandLine;

/** What one run of the command line ({@link Main#run}) printed and returned, for the CLI tests. */
record CliRun(int status, String out, String err) {

    /** Runs {@code paperwire ARGS...} in this JVM, capturing stdout and stderr. */
    /** Imports one day of the shared arXiv listings into a store under {@code dataDir}, and checks it worked. */
    static void importListing(Path dataDir, String day) {
        String file = SharedData.path("arxiv/daily-arxiv-ai-enhanced/data/" + day + ".jsonl.gz").toString();
        CliRun run = paperwire("--data-dir", dataDir.toString(), "import", file);
        if (run.status() != 0) {
            throw new AssertionError("importing " + file + " failed with status " + run.status());
        }
    }

    static CliRun paperwire(String... args) {
        return paperwire(cli -> cli, args);
    }

    /** Like {@link #paperwire(String...)} on a command line that {@code customize} changed first (a part replaced). */
    static CliRun paperwire(UnaryOperator<CommandLine> customize, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            // built after the streams are swapped: picocli keeps System.err as it is at construction
            int status = customize.apply(Main.commandLine()).execute(args);
            return new CliRun(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }
}
