package io.ringside.engine.config;

import io.ringside.engine.monitor.MonitorConfig;
import io.ringside.engine.room.ClusterConfig;
import io.ringside.engine.room.GameConfig;
import io.ringside.engine.transport.EndpointConfig;
import io.ringside.engine.transport.WebSocketServer;
import java.util.function.Consumer;

/**
 * What {@link ConfigKeys} set: the nested builders of a server. {@code RingsideServer.Builder}
 * is one; a program that runs only a {@link WebSocketServer} can offer just its transport.
 */
public interface ConfigTarget {
    /** Edits the transport settings. */
    ConfigTarget transport(Consumer<WebSocketServer.Builder> edit);

    /** Edits the game settings. */
    ConfigTarget game(Consumer<GameConfig.Builder> edit);

    /** Edits the game endpoint's settings. */
    ConfigTarget endpoint(Consumer<EndpointConfig.Builder> edit);

    /**
     * Sets the path of the Prometheus metrics route ({@code null}: off). Only a whole server has one:
     * the default refuses the key.
     */
    default ConfigTarget metricsPath(String path) {
        throw new IllegalArgumentException("metrics.path=" + path + " (this program serves no metrics)");
    }

    /** Edits the live monitor's settings; a target without a monitor refuses them. */
    default ConfigTarget monitor(Consumer<MonitorConfig.Builder> edit) {
        throw new UnsupportedOperationException("monitor settings apply to a RingsideServer only");
    }

    /** Edits the Agones adapter's settings; a target without one refuses them. */
    default ConfigTarget agones(Consumer<AgonesConfig.Builder> edit) {
        throw new UnsupportedOperationException("agones settings apply to a RingsideServer only");
    }

    /** Edits the admin routes' settings; a target without them refuses them. */
    default ConfigTarget admin(Consumer<AdminConfig.Builder> edit) {
        throw new UnsupportedOperationException("admin settings apply to a RingsideServer only");
    }

    /** Edits the cluster settings; a target without a cluster mode refuses them. */
    default ConfigTarget cluster(Consumer<ClusterConfig.Builder> edit) {
        throw new UnsupportedOperationException("cluster settings apply to a RingsideServer only");
    }
}
