package org.paperwire.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperwire.db.StoreCopy;

/** A progress bar on stderr for {@code paperwire migrate-store}: rows copied of all, rate, ETA and the table. */
final class CopyProgressBar implements StoreCopy.Progress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void started(long totalRows) {
        bar = new ProgressBarBuilder()
                .setTaskName("copy")
                .setInitialMax(Math.max(totalRows, 1))
                .setUnit(" rows", 1)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .build();
    }

    @Override
    public void copied(String table, long rowsSoFar) {
        bar.stepTo(Math.min(rowsSoFar, bar.getMax()));
        bar.setExtraMessage(" " + table);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
