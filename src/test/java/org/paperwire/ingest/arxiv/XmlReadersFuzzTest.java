package org.paperwire.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.paperwire.Fuzz;
import org.paperwire.ingest.SourceRecord;
import org.paperwire.ingest.http.HttpBody;

/**
 * Properties of the OAI-PMH and Atom readers over mutated recorded-style responses (issue 9, finding 7): a page
 * is read into records or refused with an {@link XMLStreamException} (which the sources report as a
 * {@code HarvestException} naming the URL), never another exception.
 */
class XmlReadersFuzzTest {
    private static final URI URL = URI.create("http://127.0.0.1/fuzz");

    private static List<String> fixtures(String folder, List<String> names) throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = XmlReadersFuzzTest.class.getResourceAsStream("/fixtures/" + folder + "/" + name)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private interface Reader {
        List<SourceRecord> read(HttpBody body) throws XMLStreamException;
    }

    private static void check(String name, List<String> seeds, Reader reader) {
        Fuzz.check(name, 500, r -> {
            String xml = Fuzz.oneOf(r, seeds);
            for (int i = r.nextInt(3); i >= 0; i--) {
                xml = Fuzz.mutate(r, xml);
            }
            return xml;
        }, xml -> {
            try {
                List<SourceRecord> records = reader.read(new HttpBody(URL, 200, xml.getBytes(StandardCharsets.UTF_8)));
                assertThat(records).allSatisfy(rec -> assertThat(rec.origin()).isEqualTo(URL.toString()));
            } catch (XMLStreamException refused) {
                assertThat(Xml.describe(refused)).isNotBlank();
            }
        });
    }

    @Test
    void theOaiReaderReturnsRecordsOrRefusesTheDocument() throws IOException {
        check("OaiPage.parse", fixtures("arxiv-oai", List.of("ListRecords_arXivRaw_set-cs_page1.xml",
                "ListRecords_arXiv_set-cs.xml", "ListRecords_arXivRaw_set-stat.xml", "error_badResumptionToken.xml")),
                body -> OaiPage.parse(body).records());
    }

    @Test
    void theAtomReaderReturnsEntriesOrRefusesTheDocument() throws IOException {
        check("AtomPage.parse", fixtures("arxiv-api", List.of("cat_cs.LG_s0_m3_first-run.xml",
                "cat_cs.LG_s6_m3_first-run.xml", "cat_cs.LG_s0_m3_next-day.xml")), body -> AtomPage.parse(body).entries());
    }
}
