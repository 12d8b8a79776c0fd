package org.paperwire.digest;

import java.util.List;
import java.util.Map;

/** What the operator sees about delivery: where mail goes, outbox states, and permanent failures. */
public record DigestStatusPage(String mailer, long subscribers, Map<DigestOutbox.State, Long> counts,
        List<DigestOutbox.Failure> failures) {}
