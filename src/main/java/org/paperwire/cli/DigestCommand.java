package org.paperwire.cli;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.digest.Digest;
import org.paperwire.digest.DigestItem;
import org.paperwire.digest.DigestMails;
import org.paperwire.digest.DigestRunner;
import org.paperwire.search.SearchEngine;
import org.paperwire.subscription.EmailAddress;
import org.paperwire.web.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire digest run}: one digest run from the command line, like one tick of the scheduler. */
@Command(name = "digest", mixinStandardHelpOptions = true, description = "Build and send email digests.",
        subcommands = DigestCommand.Run.class)
final class DigestCommand {
    @ParentCommand
    Main main;

    @Command(name = "run", mixinStandardHelpOptions = true, description = {
            "Build and send the digests due now; a second run in the same period sends nothing again."})
    static final class Run implements Callable<Integer> {
        @ParentCommand
        DigestCommand digest;

        /** Newest papers embedded before a run at most; older ones cannot be new to anybody's digest. */
        static final long NEWEST_TO_EMBED = 2000;

        @Option(names = "--dry-run", description = "build and print the digests, send and record nothing")
        boolean dryRun;

        @Option(names = "--now", description = "treat every active subscriber as due for their current period")
        boolean now;

        @Option(names = "--to", paramLabel = "ADDRESS", description = "only this subscriber")
        String to;

        @Option(names = "--json", description = "print due, sent, failed, skipped as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String address = to == null ? null : EmailAddress.parse(to).orElseThrow(() -> new UserError(
                    "--to '" + to + "' is not an email address"));
            try (Paperwire app = new Paperwire(digest.main.config(Map.of()), Clock.systemUTC())) {
                if (address != null && app.subscribers().findByEmail(address).isEmpty()) {
                    throw new UserError("no subscriber " + address + "; see 'paperwire subscribers list'");
                }
                prepareSearch(app);
                DigestRunner.Report r = app.digests().run(new DigestRunner.Options(dryRun, now, address));
                if (!dryRun) { // confirmation and link mails queued while no serve was running go out too
                    DigestRunner.Delivery mails = app.digests().sendMails();
                    if (mails.sent() + mails.failed() + mails.retrying() > 0) {
                        System.err.printf("confirmation and link mails: %d sent, %d failed, %d waiting to retry%n",
                                mails.sent(), mails.failed(), mails.retrying());
                    }
                }
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("due", r.due());
                    out.put("sent", r.sent());
                    out.put("failed", r.failed());
                    out.put("skipped", r.skipped());
                    out.put("retrying", r.retrying());
                    out.put("dry_run", dryRun);
                    if (dryRun) {
                        out.put("digests", r.previews().stream().map(Run::summary).toList());
                    }
                    System.out.println(Json.mapper().writeValueAsString(out));
                } else {
                    for (Digest d : r.previews()) {
                        System.out.println(d.subscriber().email() + ": " + DigestMails.subject(d));
                        for (DigestItem item : d.items()) {
                            System.out.println("  " + item.paperId() + "  " + item.title() + "  [" + item.reason() + "]");
                        }
                    }
                    System.out.printf("%d due, %d sent, %d failed, %d skipped, %d waiting to retry%s%n", r.due(),
                            r.sent(), r.failed(), r.skipped(), r.retrying(), dryRun ? " (dry run: nothing sent)" : "");
                }
                return r.failed() > 0 ? 1 : 0;
            }
        }

        /**
         * Saved searches and followed authors read the search index: bring it up to the store, and embed the
         * newest papers still waiting (newest first, bounded, so a huge backlog cannot stall the run). Beside a
         * running serve, its index is read as serve keeps it (following and embedding are serve's).
         */
        private static void prepareSearch(Paperwire app) {
            SearchEngine search = app.searchReadOnlyIfHeld();
            if (search.readOnly()) {
                System.err.println("note: saved searches and authors read the index of a running 'paperwire serve'"
                        + " read-only (serve keeps it following the store and embeds new papers)");
                return;
            }
            search.follower().catchUp();
            long waiting = search.embeddings().backlog();
            if (waiting > 0) {
                System.err.printf("embedding up to %,d of %,d new papers for saved searches...%n",
                        Math.min(waiting, NEWEST_TO_EMBED), waiting);
                search.embeddings().drain(NEWEST_TO_EMBED);
            }
        }

        private static Map<String, Object> summary(Digest d) {
            return Map.of("to", d.subscriber().email(), "period", d.period().key(), "subject", DigestMails.subject(d),
                    "papers", d.items().stream().map(i -> Map.of("id", i.paperId(), "title", i.title(),
                            "why", i.reason())).toList());
        }
    }
}
