package org.paperwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands: subscribers add / import / list / remove and digest run, through {@link Main#run}. */
class DigestCommandTest {
    @TempDir
    Path dir;


    @Test
    void operatorsAddImportListRunAndRemoveSubscribers() throws Exception {
        CliRun add = paperwire("subscribers", "add", "ada@example.org", "--category", "cs.CL", "--author", "Ada Lovelace",
                "--confirmed");
        assertThat(add.status()).isZero();
        assertThat(add.out()).contains("added ada@example.org (confirmed)");
        assertThat(paperwire("subscribers", "add", "not-an-address", "--confirmed").err())
                .contains("'not-an-address' is not an email address");

        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "email,categories,searches,authors,confirmed\n"
                + "grace@example.org,cs.LG|stat.ML,,,true\n"
                + "\"alan@example.org\",cs.AI,\"graph neural networks, for molecules\",,false\n"
                + "nobody,cs.AI,,,true\n");
        CliRun imported = paperwire("subscribers", "import", csv.toString());
        assertThat(imported.status()).isEqualTo(1);
        assertThat(imported.out()).contains("2 added, 0 updated, 1 rejected");
        assertThat(imported.err()).contains("line 4").contains("'nobody' is not an email address");
        // alan was not vouched for: a confirmation mail went to the outbox folder (no SMTP configured)
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(1);
        }

        CliRun list = paperwire("subscribers", "list");
        assertThat(list.out()).contains("ada@example.org").contains("active").contains("trending in cs.CL")
                .contains("alan@example.org").contains("pending").contains("3 subscribers");

        CliRun dry = paperwire("digest", "run", "--now", "--dry-run", "--json", "--to", "grace@example.org");
        assertThat(dry.status()).isZero();
        assertThat(dry.json().get("due").asInt()).isEqualTo(1);
        assertThat(dry.json().get("sent").asInt()).isZero();
        assertThat(dry.json().get("dry_run").asBoolean()).isTrue();

        CliRun run = paperwire("digest", "run", "--now", "--json", "--to", "grace@example.org");
        JsonNode report = run.json();
        assertThat(report.get("due").asInt()).isEqualTo(1);
        assertThat(report.get("skipped").asInt()).isEqualTo(1); // nothing new, and empty days are skipped
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(paperwire("digest", "run", "--now", "--json", "--to", "grace@example.org").json().get("due").asInt())
                .isZero(); // the same period again: nothing
        assertThat(paperwire("digest", "run", "--to", "nobody@example.org").err())
                .contains("no subscriber nobody@example.org");

        assertThat(paperwire("subscribers", "remove", "grace@example.org").out()).contains("removed grace@example.org");
        assertThat(paperwire("subscribers", "remove", "grace@example.org").status()).isEqualTo(2);
    }

    /** Issue 9: confirmation mails are queued, and with no {@code serve} running the command sends them itself. */
    @Test
    void subscribersAddWithoutConfirmedSendsTheQueuedConfirmationMailItself() throws Exception {
        CliRun add = paperwire("subscribers", "add", "bob@example.org", "--category", "cs.CL");
        assertThat(add.status()).isZero();
        assertThat(add.out()).contains("added bob@example.org (a confirmation mail sent: 1)");
        try (var files = Files.list(dir.resolve("outbox"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("_confirm.")).count()).isEqualTo(1);
        }
    }

    private CliRun paperwire(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.paperwire(all);
    }
}
