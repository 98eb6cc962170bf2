package io.ringside.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.ringside.engine.RingsideServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Server settings read from a configuration file and the environment, checked and ready to apply
 * to a {@link RingsideServer.Builder}.
 *
 * <p>The file is HOCON, JSON or Java properties (by its extension; Lightbend Config reads it), with
 * every key under {@code ringside}, e.g. {@code ringside.transport.port = 9000}; {@link ConfigKeys}
 * lists the keys. Sizes take units ({@code 1MiB}), durations too ({@code 30s}; a bare number is
 * milliseconds). Environment variables override the file: {@code RINGSIDE_} and the key in upper
 * case with {@code .} and {@code -} as {@code _} ({@code RINGSIDE_GAME_TICK_RATE_HZ}), plus short
 * aliases ({@code RINGSIDE_PORT}, {@code RINGSIDE_BIND_ADDRESS}). Loading fails on an unknown key in
 * the file (naming it, with the closest known key) and on a malformed value (naming key, value and
 * where it was set); an unknown {@code RINGSIDE_*} environment variable is only a warning, since
 * the environment is shared with other software. Ranges are checked later, by the builders.
 *
 * <p>{@link RingsideServer.Builder#configure(RingsideConfig)} applies the values where it is called:
 * builder calls before it are defaults the configuration overrides, calls after it override the
 * configuration.
 */
public final class RingsideConfig implements Consumer<RingsideServer.Builder> {
    /** Environment variable naming the file, read by the examples' {@code --config} default. */
    public static final String CONFIG_FILE_ENV = "RINGSIDE_CONFIG";

    private final List<ConfigKey<?>.Binding> bindings;
    private final List<String> warnings;

    private RingsideConfig(List<ConfigKey<?>.Binding> bindings, List<String> warnings) {
        this.bindings = List.copyOf(bindings);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads {@code file} and the process environment (which wins). */
    public static RingsideConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Reads the process environment only. */
    public static RingsideConfig fromEnvironment() {
        return load(null, System.getenv());
    }

    /**
     * Reads {@code file} (none when {@code null}), in which every key must be a known
     * {@code ringside.*} key, and {@code env}, whose {@code RINGSIDE_*} variables win over the file.
     *
     * @throws IllegalArgumentException naming the missing file, the unknown key or the bad value
     */
    public static RingsideConfig load(Path file, Map<String, String> env) {
        Config fromFile = ConfigFactory.empty();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file " + file + " not found");
            }
            try {
                fromFile = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                        .resolve();
            } catch (ConfigException e) {
                throw new IllegalArgumentException("config file " + file + ": " + e.getMessage(), e);
            }
            for (String path : fromFile.entrySet().stream().map(Map.Entry::getKey).sorted().toList()) {
                checkKnown(path);
            }
        }
        return from(fromFile, env);
    }

    /**
     * Reads the {@code ringside} section of an application's own {@code config} (other sections are
     * left alone, unknown keys inside it fail) and {@code env}, which wins.
     */
    public static RingsideConfig from(Config config, Map<String, String> env) {
        if (config.hasPath(ConfigKey.ROOT)) {
            for (Map.Entry<String, ?> entry : config.getConfig(ConfigKey.ROOT).entrySet()) {
                checkKnown(ConfigKey.ROOT + "." + entry.getKey());
            }
        }
        List<String> warnings = new ArrayList<>();
        Config merged = environment(env, warnings).withFallback(config);
        List<ConfigKey<?>.Binding> bindings = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (merged.hasPath(key.path())) {
                bindings.add(key.bind(merged));
            }
        }
        return new RingsideConfig(bindings, warnings);
    }

    /** Applies every value set to a server builder, in the order of {@link ConfigKeys}. */
    @Override
    public void accept(RingsideServer.Builder builder) {
        applyTo(builder);
    }

    /** Applies every value set to {@code target}, in the order of {@link ConfigKeys}. */
    public void applyTo(ConfigTarget target) {
        for (ConfigKey<?>.Binding binding : bindings) {
            binding.apply(target);
        }
    }

    /** Each key set, with its value and where it was set, e.g. {@code ringside.transport.port=9000 (env ...)}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ConfigKey<?>.Binding binding : bindings) {
            lines.add(binding.path + "=" + binding.shown() + " (" + binding.origin + ")");
        }
        return lines;
    }

    /** The value the file or environment set for key {@code name} (e.g. {@code game.tick-rate-hz}), if any. */
    public Optional<Object> value(String name) {
        String path = ConfigKey.ROOT + "." + name;
        for (ConfigKey<?>.Binding binding : bindings) {
            if (binding.path.equals(path)) {
                return Optional.of(binding.value);
            }
        }
        return Optional.empty();
    }

    /** Problems that did not stop loading, such as an unknown {@code RINGSIDE_*} environment variable. */
    public List<String> warnings() {
        return warnings;
    }

    private static Config environment(Map<String, String> env, List<String> warnings) {
        Map<String, ConfigKey<?>> byVariable = new HashMap<>();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            byVariable.put(key.envName(), key);
            key.envAliasName().ifPresent(alias -> byVariable.put(alias, key));
        }
        Config config = ConfigFactory.empty();
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(ConfigKey.ENV_PREFIX) || CONFIG_FILE_ENV.equals(name)) {
                continue;
            }
            ConfigKey<?> key = byVariable.get(name);
            if (key == null) {
                warnings.add("environment variable " + name + " is not a Ringside setting"
                        + Suggestions.didYouMean(name, byVariable.keySet()));
                continue;
            }
            Config one = ConfigFactory.parseMap(Map.of(key.path(), variable.getValue()),
                    "environment variable " + name);
            // the full name wins over the short alias
            config = name.equals(key.envName()) ? one.withFallback(config) : config.withFallback(one);
        }
        return config;
    }

    private static void checkKnown(String path) {
        List<String> known = new ArrayList<>();
        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (key.path().equals(path)) {
                return;
            }
            known.add(key.path());
        }
        String prefixed = ConfigKey.ROOT + "." + path;
        String hint = known.contains(prefixed) ? " (did you mean " + prefixed + "?)"
                : Suggestions.didYouMean(path, known);
        throw new IllegalArgumentException("unknown configuration key " + path + hint);
    }
}
