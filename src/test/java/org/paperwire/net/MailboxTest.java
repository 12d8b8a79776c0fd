package org.paperwire.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12, point 7: one parser for {@code Name <addr>} and bare addresses, used by config and subscriptions. */
class MailboxTest {
    @Test
    void aDisplayNameAndAddressAreSplit() {
        assertThat(Mailbox.parse(" Paperwire <digest@Example.org> "))
                .contains(new Mailbox("digest@Example.org", "Paperwire"));
    }

    @Test
    void aBareAddressHasNoDisplayName() {
        assertThat(Mailbox.parse("ada@example.org")).contains(new Mailbox("ada@example.org", ""));
    }

    @Test
    void theDomainIsLowerCase() {
        assertThat(Mailbox.parse("Ada <ada@Mail.Example.ORG>").orElseThrow().domain()).isEqualTo("mail.example.org");
    }

    @Test
    void listsBrokenAddressesAndBlanksAreRefused() {
        assertThat(Mailbox.parse("a@example.org, b@example.org")).isEmpty();
        assertThat(Mailbox.parse("Ada <ada@example.org")).isEmpty();
        assertThat(Mailbox.parse("no-at-sign")).isEmpty();
        assertThat(Mailbox.parse(" ")).isEmpty();
        assertThat(Mailbox.parse(null)).isEmpty();
    }
}
