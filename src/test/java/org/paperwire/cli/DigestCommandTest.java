package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperwire.app.Paperwire;
import org.paperwire.config.ConfigKey;
import org.paperwire.config.ConfigSources;
import org.paperwire.config.TestConfigs;

/**
 * The operator's commands: subscribers add / import / list / remove and digest run, through {@link Main#run}.
 * Claims that only read share one imported store; the ones that change a store get their own.
 */
class DigestCommandTest {
    @TempDir
    static Path imported;
    static CliRun importRun;

    @BeforeAll
    static void importThreeRowsOneBad() throws Exception {
        importRun = importThreeRowsOneBad(imported);
    }

    static CliRun importThreeRowsOneBad(Path dir) throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "email,categories,searches,authors,confirmed\n"
                + "grace@example.org,cs.LG|stat.ML,,,true\n"
                + "\"alan@example.org\",cs.AI,\"graph neural networks, for molecules\",,false\n"
                + "nobody,cs.AI,,,true\n");
        return paperwire(dir, "subscribers", "import", csv.toString());
    }

    @Test
    void importAddsTheGoodRowsAndNamesEachBadLine() {
        assertThat(importRun.status()).isEqualTo(1);
        assertThat(importRun.out()).contains("2 added, 0 updated, 1 rejected");
        assertThat(importRun.err()).contains("line 4").contains("'nobody' is not an email address");
    }

    @Test
    void importMailsAConfirmationToRowsNotVouchedFor() throws Exception {
        // alan was not vouched for: a confirmation mail went to the outbox folder (no SMTP configured)
        try (var files = Files.list(imported.resolve("outbox"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(1);
        }
    }

    @Test
    void listShowsEachSubscribersStatus() {
        assertThat(paperwire(imported, "subscribers", "list").out()).contains("grace@example.org").contains("active")
                .contains("alan@example.org").contains("pending").contains("2 subscribers");
    }

    @Test
    void aDryRunCountsTheDueDigestsAndSendsNothing() throws Exception {
        CliRun dry = paperwire(imported, "digest", "run", "--now", "--dry-run", "--json", "--to", "grace@example.org");
        assertThat(dry.status()).isZero();
        assertThat(dry.json().get("due").asInt()).isEqualTo(1);
        assertThat(dry.json().get("sent").asInt()).isZero();
        assertThat(dry.json().get("dry_run").asBoolean()).isTrue();
    }

    @Test
    void runNamesAnUnknownSubscriber() {
        assertThat(paperwire(imported, "digest", "run", "--to", "nobody@example.org").err())
                .contains("no subscriber nobody@example.org");
    }

    @Test
    void addRefusesAnInvalidAddressNamingIt() {
        assertThat(paperwire(imported, "subscribers", "add", "not-an-address", "--confirmed").err())
                .contains("'not-an-address' is not an email address");
    }

    @Test
    void addAddsAConfirmedSubscriberWithItsTopics(@TempDir Path dir) {
        CliRun add = paperwire(dir, "subscribers", "add", "ada@example.org", "--category", "cs.CL", "--author",
                "Ada Lovelace", "--confirmed");
        assertThat(add.status()).isZero();
        assertThat(add.out()).contains("added ada@example.org (confirmed)");
        assertThat(paperwire(dir, "subscribers", "list").out()).contains("ada@example.org").contains("active")
                .contains("trending in cs.CL");
    }

    @Test
    void aRunSkipsADigestWithNothingNew(@TempDir Path dir) throws Exception {
        importThreeRowsOneBad(dir);
        JsonNode report = paperwire(dir, "digest", "run", "--now", "--json", "--to", "grace@example.org").json();
        assertThat(report.get("due").asInt()).isEqualTo(1);
        assertThat(report.get("skipped").asInt()).isEqualTo(1); // nothing new, and empty days are skipped
        assertThat(report.get("failed").asInt()).isZero();
    }

    /** Issue 9: confirmation mails are queued, and with no {@code serve} running the command sends them itself. */
    @Test
    void subscribersAddWithoutConfirmedSendsTheQueuedConfirmationMailItself(@TempDir Path dir) throws Exception {
        CliRun add = paperwire(dir, "subscribers", "add", "bob@example.org", "--category", "cs.CL");
        assertThat(add.status()).isZero();
        assertThat(add.out()).contains("added bob@example.org (a confirmation mail sent: 1)");
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("_confirm.")).count()).isEqualTo(1);
        }
    }

    @Test
    void theSamePeriodIsNotDueTwice(@TempDir Path dir) throws Exception {
        importThreeRowsOneBad(dir);
        paperwire(dir, "digest", "run", "--now", "--json", "--to", "grace@example.org");
        assertThat(paperwire(dir, "digest", "run", "--now", "--json", "--to", "grace@example.org").json()
                .get("due").asInt()).isZero();
    }

    @Test
    void removeRemovesASubscriberAndExitsWith2ForOneThatIsGone(@TempDir Path dir) throws Exception {
        importThreeRowsOneBad(dir);
        assertThat(paperwire(dir, "subscribers", "remove", "grace@example.org").out())
                .contains("removed grace@example.org");
        assertThat(paperwire(dir, "subscribers", "remove", "grace@example.org").status()).isEqualTo(2);
    }

    /** A confirmation queued while no serve was running (a subscribe through another process) goes out with the run. */
    @Test
    void digestRunAlsoSendsConfirmationMailsStillQueued(@TempDir Path dir) throws Exception {
        try (Paperwire app = new Paperwire(TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())), Clock.systemUTC())) {
            app.subscriptions().subscribe("bob@example.org", List.of(), "192.0.2.1"); // queued, not sent
        }
        assertThat(dir.resolve("outbox")).doesNotExist();

        CliRun run = paperwire(dir, "digest", "run", "--now");

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("confirmation and link mails: 1 sent");
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("_confirm.")).count()).isEqualTo(1);
        }
    }

    /** A running serve holds the index; adding a subscriber and mailing its confirmation must not need it. */
    @Test
    void subscribersAddWorksBesideAProcessHoldingTheIndex(@TempDir Path dir) throws Exception {
        try (Paperwire serve = new Paperwire(TestConfigs.from(ConfigSources.defaults()
                .with(ConfigKey.DATA_DIR, dir.toString())), Clock.systemUTC())) {
            serve.search(); // takes the index folder's lock, as serve does

            CliRun add = paperwire(dir, "subscribers", "add", "bob@example.org");

            assertThat(add.status()).as(add.err()).isZero();
            assertThat(add.out()).contains("added bob@example.org (a confirmation mail sent: 1)");
        }
    }

    static CliRun paperwire(Path dir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.paperwire(all);
    }
}
