package org.paperwire.cli;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperwire.ingest.bulk.ImportProgress;

/** A progress bar on stderr for {@code paperwire import}: megabytes read, rate, ETA and records so far. */
final class ImportProgressBar implements ImportProgress, AutoCloseable {
    private static final long MB = 1_000_000;

    private final ProgressBar bar;

    private ImportProgressBar(ProgressBar bar) {
        this.bar = bar;
    }

    static ImportProgressBar start(long totalBytes) {
        return new ImportProgressBar(new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(totalBytes)
                .setUnit(" MB", MB)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .build());
    }

    /** Whether a person is watching: a console that is a terminal, not a pipe or a file. */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // JDK 22-24 return a console even when redirected and say so only through isTerminal() (JDK 22+),
        // which this Java 21 build can reach only reflectively
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21: a non-null console is a terminal
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }

    @Override
    public void update(long bytesRead, long recordsRead) {
        bar.stepTo(Math.min(bytesRead, bar.getMax()));
        bar.setExtraMessage(String.format(" %,d records", recordsRead));
    }

    @Override
    public void close() {
        bar.stepTo(bar.getMax());
        bar.close();
    }
}
