package io.ringside.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One configuration key: its name under {@code ringside.}, the type its value is read as, and the
 * builder call it makes. {@link ConfigKeys} lists them, one line each.
 *
 * <p>Its environment variable is {@code RINGSIDE_} followed by the name in upper case with every
 * {@code .} and {@code -} turned into {@code _}: {@code game.tick-rate-hz} is
 * {@code RINGSIDE_GAME_TICK_RATE_HZ}. A key may also have a short alias, e.g. {@code RINGSIDE_PORT}.
 *
 * @param <T> the value's Java type
 */
public final class ConfigKey<T> {
    /** Prefix of every key in a file. */
    public static final String ROOT = "ringside";
    /** Prefix of every environment variable. */
    public static final String ENV_PREFIX = "RINGSIDE_";

    private final String name;
    private final Type<T> type;
    private final BiConsumer<ConfigTarget, T> setter;
    private final String envAlias;

    private ConfigKey(String name, Type<T> type, BiConsumer<ConfigTarget, T> setter, String envAlias) {
        this.name = name;
        this.type = type;
        this.setter = setter;
        this.envAlias = envAlias;
    }

    /** An integer, e.g. {@code 8080}. */
    public static ConfigKey<Integer> integer(String name, BiConsumer<ConfigTarget, Integer> setter) {
        return new ConfigKey<>(name, Type.INT, setter, null);
    }

    /** A size in bytes that fits an int: a number of bytes or a size with a unit, e.g. {@code 64KiB}. */
    public static ConfigKey<Integer> bytesInt(String name, BiConsumer<ConfigTarget, Integer> setter) {
        return new ConfigKey<>(name, Type.BYTES_INT, setter, null);
    }

    /** A size in bytes: a number of bytes or a size with a unit, e.g. {@code 4MiB}. */
    public static ConfigKey<Long> bytes(String name, BiConsumer<ConfigTarget, Long> setter) {
        return new ConfigKey<>(name, Type.BYTES, setter, null);
    }

    /** A duration given to the setter in milliseconds: a number of ms or a duration with a unit, e.g. {@code 30s}. */
    public static ConfigKey<Long> durationMs(String name, BiConsumer<ConfigTarget, Long> setter) {
        return new ConfigKey<>(name, Type.DURATION_MS, setter, null);
    }

    /** {@code true} or {@code false} (also {@code yes}/{@code no}, {@code on}/{@code off}). */
    public static ConfigKey<Boolean> bool(String name, BiConsumer<ConfigTarget, Boolean> setter) {
        return new ConfigKey<>(name, Type.BOOLEAN, setter, null);
    }

    /** A string. */
    public static ConfigKey<String> string(String name, BiConsumer<ConfigTarget, String> setter) {
        return new ConfigKey<>(name, Type.STRING, setter, null);
    }

    /** A secret string (a token): {@link RingsideConfig#describe()} shows it as {@code <hidden>}. */
    public static ConfigKey<String> secret(String name, BiConsumer<ConfigTarget, String> setter) {
        return new ConfigKey<>(name, Type.SECRET, setter, null);
    }

    /** A list of strings; in an environment variable, comma-separated. */
    public static ConfigKey<List<String>> strings(String name,
            BiConsumer<ConfigTarget, List<String>> setter) {
        return new ConfigKey<>(name, Type.STRINGS, setter, null);
    }

    /** This key, also read from environment variable {@code RINGSIDE_<alias>} (the full name wins). */
    public ConfigKey<T> envAlias(String alias) {
        return new ConfigKey<>(name, type, setter, ENV_PREFIX + alias);
    }

    /** The name under {@code ringside.}, e.g. {@code transport.port}. */
    public String name() {
        return name;
    }

    /** The full path in a file, e.g. {@code ringside.transport.port}. */
    public String path() {
        return ROOT + "." + name;
    }

    /** The environment variable, e.g. {@code RINGSIDE_TRANSPORT_PORT}. */
    public String envName() {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The short environment variable, if any, e.g. {@code RINGSIDE_PORT}. */
    public Optional<String> envAliasName() {
        return Optional.ofNullable(envAlias);
    }

    /** What values look like, for messages and the README's table. */
    public String typeDescription() {
        return type.description;
    }

    /** Reads this key's value from {@code config}; the message of a bad one names key, value and where it was set. */
    Binding bind(Config config) {
        String path = path();
        T value;
        try {
            value = type.read(config, path);
        } catch (ConfigException | ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(path + "=" + config.getValue(path).render()
                    + " (expected " + type.description + "; set in " + config.getValue(path).origin().description()
                    + ")", e);
        }
        return new Binding(path, value, config.getValue(path).origin().description());
    }

    /** A key with its value read, ready to apply. */
    final class Binding {
        final String path;
        final T value;
        final String origin;

        private Binding(String path, T value, String origin) {
            this.path = path;
            this.value = value;
            this.origin = origin;
        }

        void apply(ConfigTarget target) {
            setter.accept(target, value);
        }

        /** The value as {@link RingsideConfig#describe()} prints it: a secret's is hidden. */
        String shown() {
            return type == Type.SECRET ? "<hidden>" : String.valueOf(value);
        }
    }

    /** How a value is read. */
    private abstract static class Type<T> {
        static final Type<Integer> INT = new Type<>("an integer") {
            @Override
            Integer read(Config c, String path) {
                return c.getInt(path);
            }
        };
        static final Type<Integer> BYTES_INT = new Type<>("a size in bytes, e.g. 65536 or 64KiB, below 2GiB") {
            @Override
            Integer read(Config c, String path) {
                return Math.toIntExact(c.getBytes(path));
            }
        };
        static final Type<Long> BYTES = new Type<>("a size in bytes, e.g. 4194304 or 4MiB") {
            @Override
            Long read(Config c, String path) {
                return c.getBytes(path);
            }
        };
        static final Type<Long> DURATION_MS = new Type<>("a duration, e.g. 500ms or 30s (a bare number is ms)") {
            @Override
            Long read(Config c, String path) {
                return c.getDuration(path, TimeUnit.MILLISECONDS);
            }
        };
        static final Type<Boolean> BOOLEAN = new Type<>("true or false") {
            @Override
            Boolean read(Config c, String path) {
                return c.getBoolean(path);
            }
        };
        static final Type<String> STRING = new Type<>("a string") {
            @Override
            String read(Config c, String path) {
                return c.getString(path);
            }
        };
        static final Type<String> SECRET = new Type<>("a secret string (never printed)") {
            @Override
            String read(Config c, String path) {
                return c.getString(path);
            }
        };
        static final Type<List<String>> STRINGS = new Type<>("a list of strings (comma-separated in the environment)") {
            @Override
            List<String> read(Config c, String path) {
                if (c.getValue(path).valueType() != ConfigValueType.STRING) {
                    return c.getStringList(path);
                }
                List<String> items = new ArrayList<>();
                for (String item : c.getString(path).split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.trim());
                    }
                }
                return items;
            }
        };

        final String description;

        Type(String description) {
            this.description = description;
        }

        abstract T read(Config config, String path);
    }
}
