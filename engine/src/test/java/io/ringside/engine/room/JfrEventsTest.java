package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.tick.TickLoop;
import io.ringside.engine.tick.TickLoopConfig;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's JFR events are on under JFR's default settings (what {@code jcmd JFR.start} uses):
 * a recording started with them finds a tick over budget and a failed room.
 */
class JfrEventsTest {
    private static final long MS = 1_000_000L;
    /** The tick loop's event type, by the name recordings and the README know it by. */
    private static final String TICK_OVERRUN = "io.ringside.TickOverrun";

    @TempDir
    Path dir;

    private static Recording defaultRecording() throws Exception {
        Recording recording = new Recording(Configuration.getConfiguration("default"));
        recording.start();
        return recording;
    }

    private List<RecordedEvent> stop(Recording recording, String eventName) throws Exception {
        recording.stop();
        Path file = dir.resolve("recording.jfr");
        recording.dump(file);
        recording.close();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.delete(file);
        return events.stream().filter(e -> e.getEventType().getName().equals(eventName)).toList();
    }

    @Test
    void shouldRecordATickOverBudgetWhenATickTakesLongerThanItsInterval() throws Exception {
        // given: a 50 Hz loop whose tick 1 costs 30 ms of a 20 ms budget
        long[] now = {0};
        NanoClock clock = () -> now[0];
        TickLoop loop = new TickLoop(TickLoopConfig.builder().tickRateHz(50).build(), clock,
                (tick, stepNs) -> now[0] += tick == 1 ? 30 * MS : MS);
        Recording recording = defaultRecording();

        // when
        loop.doWork();
        now[0] += 20 * MS;
        loop.doWork();

        // then
        List<RecordedEvent> overruns = stop(recording, TICK_OVERRUN);
        assertThat(overruns).hasSize(1);
        assertThat(overruns.get(0).getLong("tick")).isEqualTo(1);
        assertThat(overruns.get(0).getDuration("durationNs").toMillis()).isEqualTo(30);
        assertThat(overruns.get(0).getDuration("intervalNs").toMillis()).isEqualTo(20);
    }

    @Test
    void shouldRecordARoomErrorWhenRoomCodeThrows() throws Exception {
        // given
        Queue<String> log = new ConcurrentLinkedQueue<>();
        EngineHarness h = new EngineHarness(GameConfig.builder().shards(1).tickRateHz(10)
                .room("chat", () -> new TestRooms.ChatRoom(log, new AtomicLong()), RoomOptions.defaults()));
        RecordingConnection player = h.connect();
        h.join(player, "chat");
        h.tick();
        Recording recording = defaultRecording();

        // when
        h.send(player, ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(TestRooms.BOOM)
                .setPayload(StringValue.of("now").toByteString())).build());
        h.tick();

        // then
        List<RecordedEvent> errors = stop(recording, RoomErrorEvent.NAME);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getString("roomType")).isEqualTo("chat");
        assertThat(errors.get(0).getString("errorClass")).isEqualTo(IllegalStateException.class.getName());
        assertThat(errors.get(0).getString("errorMessage")).isEqualTo("boom: now");
        assertThat(log).anyMatch(line -> line.startsWith("create "));
    }
}
