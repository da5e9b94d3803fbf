package io.quarkiverse.claude.it;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A configuration source asked before every other (highest ordinal) that has no values and, while armed, records the
 * name of every lookup: what reaches it is what the application reads from the configuration at that time.
 * Registered for every test application (META-INF/services); disarmed it only answers "no value".
 */
public class ConfigLookups implements ConfigSource {

    private static final List<String> NAMES = new CopyOnWriteArrayList<>();
    private static volatile boolean armed;

    /** Starts recording, from an empty record. */
    static void arm() {
        NAMES.clear();
        armed = true;
    }

    /** Stops recording; returns the names looked up since {@link #arm()}. */
    static List<String> disarm() {
        armed = false;
        return List.copyOf(NAMES);
    }

    @Override
    public String getValue(String propertyName) {
        if (armed) {
            NAMES.add(propertyName);
        }
        return null;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public int getOrdinal() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String getName() {
        return "config-lookups (test)";
    }
}
