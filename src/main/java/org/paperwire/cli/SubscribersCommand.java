package org.paperwire.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperwire.app.Paperwire;
import org.paperwire.digest.DigestRunner;
import org.paperwire.subscription.Subscriber;
import org.paperwire.subscription.SubscriberCsv;
import org.paperwire.subscription.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code paperwire subscribers ...}: the operator's view of subscribers. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Add, import, list and remove subscribers.",
        subcommands = {SubscribersCommand.Add.class, SubscribersCommand.Import.class, SubscribersCommand.ListCmd.class,
                SubscribersCommand.Remove.class})
final class SubscribersCommand {
    @ParentCommand
    Main main;

    Paperwire app() {
        return new Paperwire(main.config(Map.of()), Clock.systemUTC());
    }

    /**
     * What became of the confirmation mails just queued, which the command sends once itself (with no
     * {@code serve} running nobody else would); what the server did not take stays queued for {@code serve}.
     */
    static String mailed(DigestRunner.Delivery d, String what) {
        if (d.retrying() + d.failed() == 0) {
            return d.sent() == 0 ? "" : " (" + what + " sent: " + d.sent() + ")";
        }
        return " (" + what + ": " + d.sent() + " sent, " + d.retrying() + " queued for a retry by 'paperwire serve', "
                + d.failed() + " failed; see the log)";
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Add a subscriber (or replace the topics of an existing one).",
            "Without --confirmed the address gets a confirmation mail first."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--category", paramLabel = "C", description = "trending papers of an arXiv category, e.g. cs.CL")
        List<String> categories = new ArrayList<>();

        @Option(names = "--search", paramLabel = "TEXT", description = "a saved search in plain language")
        List<String> searches = new ArrayList<>();

        @Option(names = "--author", paramLabel = "NAME", description = "new papers by this author")
        List<String> authors = new ArrayList<>();

        @Option(names = "--confirmed", description = "the operator vouches for the address: no confirmation mail")
        boolean confirmed;

        @Override
        public Integer call() {
            List<Topic> topics;
            try {
                topics = SubscriberCsv.topics(categories, searches, authors);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            try (Paperwire app = parent.app()) {
                boolean created = app.subscriptions().add(email, topics, confirmed);
                System.out.printf("%s %s%s%n", created ? "added" : "updated", email.strip(), confirmed ? " (confirmed)"
                        : mailed(app.digests().sendMails(), "a confirmation mail"));
                return 0;
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {
            "Import subscribers from a CSV file with the header email,categories,searches,authors,confirmed;",
            "several values in one cell are separated by |, confirmed is true or false."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        public Integer call() throws IOException {
            List<SubscriberCsv.Row> rows;
            try {
                rows = SubscriberCsv.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new UserError("no such file: " + file);
            } catch (IllegalArgumentException e) {
                throw new UserError(file + ": " + e.getMessage());
            }
            int added = 0;
            int updated = 0;
            int rejected = 0;
            try (Paperwire app = parent.app()) {
                for (SubscriberCsv.Row row : rows) {
                    if (row.error() != null) {
                        rejected++;
                        System.err.println(file + " line " + row.line() + ": " + row.error());
                        continue;
                    }
                    try {
                        if (app.subscriptions().add(row.email(), row.topics(), row.confirmed())) {
                            added++;
                        } else {
                            updated++;
                        }
                    } catch (IllegalArgumentException e) {
                        rejected++;
                        System.err.println(file + " line " + row.line() + ": " + e.getMessage());
                    }
                }
                System.out.printf("%d added, %d updated, %d rejected%s%n", added, updated, rejected,
                        mailed(app.digests().sendMails(), "confirmation mails"));
            }
            return rejected > 0 ? 1 : 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List subscribers and their topics.")
    static final class ListCmd implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Override
        public Integer call() {
            try (Paperwire app = parent.app()) {
                List<Subscriber> all = app.subscribers().all();
                for (Subscriber s : all) {
                    var p = s.preferences();
                    System.out.printf("%-32s %-12s %-7s %02d:00 %-16s max %-3d %s%n", s.email(),
                            s.status().name().toLowerCase(Locale.ROOT),
                            p.frequency().name().toLowerCase(Locale.ROOT), p.hour(), p.zone().getId(),
                            p.maxPerEmail(), String.join("; ", s.topics().stream().map(Topic::label).toList()));
                }
                System.out.println(all.size() + " subscribers");
                return 0;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a subscriber and its digest history.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SubscribersCommand parent;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() {
            try (Paperwire app = parent.app()) {
                Subscriber s = app.subscribers().findByEmail(email.strip())
                        .orElseThrow(() -> new UserError("no subscriber " + email.strip()));
                app.subscribers().remove(s.id());
                System.out.println("removed " + s.email());
                return 0;
            }
        }
    }
}
