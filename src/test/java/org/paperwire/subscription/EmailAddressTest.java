package org.paperwire.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 12, point 6: what counts as one subscriber address. */
class EmailAddressTest {
    @Test
    void aPlainAddressIsAcceptedAndStripped() {
        assertThat(EmailAddress.parse("  ada@example.org\n")).hasValue("ada@example.org");
        assertThat(EmailAddress.parse("ada.lovelace+papers@mail.example.org")).hasValue("ada.lovelace+papers@mail.example.org");
    }

    @Test
    void theLetterCaseIsKept() {
        assertThat(EmailAddress.parse("Ada@Example.org")).hasValue("Ada@Example.org");
    }

    @Test
    void aDisplayNameIsRefused() {
        assertThat(EmailAddress.parse("Ada <ada@example.org>")).isEmpty();
        assertThat(EmailAddress.parse("<ada@example.org>")).isEmpty();
    }

    @Test
    void aListOfAddressesIsRefused() {
        assertThat(EmailAddress.parse("ada@example.org, grace@example.org")).isEmpty();
        assertThat(EmailAddress.parse("ada@example.org,grace@example.org")).isEmpty();
    }

    @Test
    void whitespaceAndControlCharactersInsideAreRefused() {
        assertThat(EmailAddress.parse("ada lovelace@example.org")).isEmpty();
        assertThat(EmailAddress.parse("ada@example.org\r\nBcc: eve@example.org")).isEmpty();
        assertThat(EmailAddress.parse("ada\u0000@example.org")).isEmpty();
    }

    @Test
    void anAddressWithoutLocalPartOrAtSignIsRefused() {
        assertThat(EmailAddress.parse("@example.org")).isEmpty();
        assertThat(EmailAddress.parse("example.org")).isEmpty();
        assertThat(EmailAddress.parse("ada@")).isEmpty();
        assertThat(EmailAddress.parse("ada@@example.org")).isEmpty();
    }

    @Test
    void nothingIsNoAddress() {
        assertThat(EmailAddress.parse(null)).isEmpty();
        assertThat(EmailAddress.parse("")).isEmpty();
        assertThat(EmailAddress.parse("   ")).isEmpty();
    }

    @Test
    void anAddressLongerThan254CharactersIsRefused() {
        String domain = "@example.org";
        assertThat(EmailAddress.parse("a".repeat(EmailAddress.MAX_LENGTH - domain.length()) + domain)).isPresent();
        assertThat(EmailAddress.parse("a".repeat(EmailAddress.MAX_LENGTH - domain.length() + 1) + domain)).isEmpty();
    }

    @Test
    void parseOrThrowQuotesTheInputAndShowsAnExample() {
        assertThat(EmailAddress.parseOrThrow(" ada@example.org ")).isEqualTo("ada@example.org");
        assertThatThrownBy(() -> EmailAddress.parseOrThrow("not an address"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not an address'")
                .hasMessageContaining("name@example.org");
    }
}
