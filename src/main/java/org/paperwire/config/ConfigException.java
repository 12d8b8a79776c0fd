package org.paperwire.config;

/** A configuration value a user must fix; the message names the key, where it came from, and what to do. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
