package org.paperwire.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 9, finding 8: the status page masks addresses in server replies whatever their letter case. */
class StatusMaskingTest {
    @Test
    void anAddressIsMaskedToItsFirstLetterAndDomain() {
        assertThat(DigestRoutes.mask("grace@example.org")).isEqualTo("g…@example.org");
    }

    @Test
    void theRecipientIsMaskedInAReplyThatChangedItsCase() {
        String masked = DigestRoutes.maskAddresses("550 5.1.1 <ADA.Lovelace@Example.ORG>: Recipient address rejected",
                "ada.lovelace@example.org");
        assertThat(masked.toLowerCase(Locale.ROOT)).doesNotContain("ada.lovelace");
        assertThat(masked).isEqualTo("550 5.1.1 <a…@example.org>: Recipient address rejected");
    }

    @Test
    void otherAddressesInTheReplyAreMaskedToo() {
        String masked = DigestRoutes.maskAddresses("553 ada@example.org is forwarded to ada.private@mail.example.net,"
                + " which refused it", "ada@example.org");
        assertThat(masked).isEqualTo("553 a…@example.org is forwarded to a…@mail.example.net, which refused it");
    }

    @Test
    void aReplyWithoutAddressesIsLeftAlone() {
        assertThat(DigestRoutes.maskAddresses("421 4.7.0 Try again later", "ada@example.org"))
                .isEqualTo("421 4.7.0 Try again later");
    }
}
