package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

/** Test helper: takes the next event of a {@link QueueingListener} and checks its kind. */
final class Events {
    private static final long WAIT_SECONDS = 10;

    private Events() {
    }

    static QueueingListener.Event expect(QueueingListener listener, QueueingListener.Kind kind)
            throws InterruptedException {
        QueueingListener.Event event = listener.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(event).as("an event of kind %s", kind).isNotNull();
        assertThat(event.kind()).as("next event: %s", event).isEqualTo(kind);
        return event;
    }
}
