package org.paperwire.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.paperwire.subscription.Topic;

/** A source of one kind of topic: a section per topic of that kind that the subscriber follows. */
abstract class TopicSource implements DigestSource {
    private final Topic.Kind kind;

    TopicSource(Topic.Kind kind) {
        this.kind = kind;
    }

    /** The topic's candidates among the papers since {@code since}, best first. */
    abstract List<Candidate> candidates(String value, LocalDate since);

    @Override
    public final List<Section> sections(Request request) {
        List<Topic> topics = request.subscriber().topics();
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < topics.size(); i++) {
            Topic topic = topics.get(i);
            if (topic.kind() == kind) {
                String key = kind + "|" + topic.value().toLowerCase(Locale.ROOT) + "|" + request.since();
                out.add(new Section(i, topic.label(), topic.cap(),
                        request.memo().get(key, () -> candidates(topic.value(), request.since()))));
            }
        }
        return out;
    }
}
