package org.lmssync.config;

/** A bad configuration value. The message always names the key, so a user can fix it in one edit. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
