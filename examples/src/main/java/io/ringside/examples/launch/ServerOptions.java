package io.ringside.examples.launch;

import io.ringside.engine.config.ConfigTarget;
import io.ringside.engine.config.RingsideConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every example server takes (a picocli mixin): a configuration file, the port, the
 * interface, cluster mode (a Redis address, this node's id and public address) and TLS (a PEM
 * certificate and key, and an optional port of its own). Precedence, lowest first: the example's
 * own defaults, the file, {@code RINGSIDE_*} environment variables, then these options.
 */
public final class ServerOptions {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "${env:RINGSIDE_CONFIG}",
            description = "Configuration file (HOCON .conf, .json or .properties; keys under ringside.*)."
                    + " Default: $RINGSIDE_CONFIG, else none.")
    private Path config;

    @Option(names = "--port", paramLabel = "PORT",
            description = "TCP port for the page and the WebSocket; 0 picks a free one."
                    + " Default: ringside.transport.port or $RINGSIDE_PORT, else 8080 (echo server: 9001).")
    private Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Interface to listen on, e.g. 127.0.0.1 for this machine only."
                    + " Default: ringside.transport.bind-address or $RINGSIDE_BIND_ADDRESS, else all interfaces.")
    private String bind;

    @Option(names = "--redis", paramLabel = "URI",
            description = "Cluster mode: share rooms with every node using this Redis, e.g. redis://127.0.0.1:6379."
                    + " Default: ringside.cluster.redis-uri or $RINGSIDE_REDIS, else one process alone.")
    private String redis;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "Cluster mode: this node's id in Redis. Default: ringside.cluster.node-id, else random.")
    private String nodeId;

    @Option(names = "--public-address", paramLabel = "URL",
            description = "Cluster mode: the WebSocket address other nodes send players to, e.g."
                    + " ws://127.0.0.1:8081/ws. Default: ringside.cluster.public-address, else"
                    + " ws://<host name>:<port>/ws.")
    private String publicAddress;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate chain for https:// and wss:// (with --tls-key). Default: no TLS.")
    private Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key (unencrypted PKCS#8 or RSA) of --tls-cert.")
    private Path tlsKey;

    @Option(names = "--tls-port", paramLabel = "PORT",
            description = "Port for TLS beside the plain --port, 0 for a free one. Default: with --tls-cert,"
                    + " the one --port speaks TLS only.")
    private Integer tlsPort;

    /** Reads the file (if any) and the environment; prints warnings to {@code err}. */
    public RingsideConfig load(PrintWriter err, String name) {
        RingsideConfig loaded = RingsideConfig.load(config, System.getenv());
        for (String warning : loaded.warnings()) {
            err.println(name + ": warning: " + warning);
        }
        err.flush();
        return loaded;
    }

    /** Applies {@code loaded}, then the port and interface given on the command line. */
    public void applyTo(ConfigTarget target, RingsideConfig loaded) {
        loaded.applyTo(target);
        if (port != null) {
            target.transport(t -> t.port(port));
        }
        if (bind != null) {
            target.transport(t -> t.bindAddress(bind));
        }
        if (redis != null) {
            target.cluster(c -> c.redisUri(redis));
        }
        if (nodeId != null) {
            target.cluster(c -> c.nodeId(nodeId));
        }
        if (publicAddress != null) {
            target.cluster(c -> c.publicAddress(publicAddress));
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert=" + tlsCert + ", --tls-key=" + tlsKey + " (give both)");
        }
        if (tlsCert != null) {
            target.transport(t -> t.tls(tls -> tls.certificateChain(tlsCert).privateKey(tlsKey)));
        }
        if (tlsPort != null) {
            target.transport(t -> t.tls(tls -> tls.port(tlsPort)));
        }
    }
}
