package org.paperwire.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Raw configuration values layered as the README promises: defaults, then the config file, then
 * {@code PAPERWIRE_*} environment variables, then command-line flags. Each value remembers where it came
 * from so that a validation error can point at the right place.
 */
public final class ConfigSources {
    /** One raw value and a human description of its origin ("environment variable PAPERWIRE_PORT"). */
    public record Value(String raw, String origin) {}

    private final Map<ConfigKey, Value> values = new EnumMap<>(ConfigKey.class);

    private ConfigSources() {
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, new Value(key.defaultValue(), "default"));
        }
    }

    /** Loads file (optional), environment and flags in that order of precedence, lowest first. */
    public static ConfigSources load(Path configFile, Map<String, String> env, Map<ConfigKey, String> flags) {
        ConfigSources sources = new ConfigSources();
        if (configFile != null) {
            sources.readFile(configFile);
        }
        for (ConfigKey key : ConfigKey.values()) {
            String fromEnv = env.get(key.envName());
            if (fromEnv != null && !fromEnv.isBlank()) {
                sources.values.put(key, new Value(fromEnv.strip(), "environment variable " + key.envName()));
            }
        }
        flags.forEach((key, raw) -> sources.values.put(key, new Value(raw, "command-line flag for " + key.key())));
        return sources;
    }

    public static ConfigSources defaults() {
        return new ConfigSources();
    }

    /** Returns a copy with one value overridden, for tests and embedded use. */
    public ConfigSources with(ConfigKey key, String raw) {
        ConfigSources copy = new ConfigSources();
        copy.values.putAll(values);
        copy.values.put(key, new Value(raw, "override of " + key.key()));
        return copy;
    }

    public Value get(ConfigKey key) {
        return values.get(key);
    }

    private void readFile(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist: check the --config path");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        for (String name : props.stringPropertyNames()) {
            ConfigKey key = ConfigKey.byKey(name).orElseThrow(() -> new ConfigException(
                    "config file " + file + ": unknown key '" + name + "'; see the configuration reference in README.md"));
            values.put(key, new Value(props.getProperty(name).strip(), "config file " + file));
        }
    }
}
