package io.ringside.testkit;

import com.google.protobuf.Int32Value;
import io.ringside.engine.room.MissingInput;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.engine.room.RoomInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A room whose input type is {@code Int32Value}; it records every input it is handed as
 * "name:value@seq". Creation option {@code missing=repeat} declares {@link MissingInput#REPEAT_LAST}.
 */
final class InputRoom extends Room {
    final List<String> log = new ArrayList<>();

    @Override
    protected void onCreate(Map<String, String> options) {
        MissingInput missing = "repeat".equals(options.get("missing")) ? MissingInput.REPEAT_LAST : MissingInput.NONE;
        inputs().declare(Int32Value.parser(), missing, this::onInput);
    }

    private void onInput(Player player, Int32Value input, int seq) {
        log.add(player.joinRequest().options().getOrDefault("name", "?") + ":" + input.getValue() + "@" + seq);
    }

    RoomInputs stats() {
        return inputs();
    }
}
