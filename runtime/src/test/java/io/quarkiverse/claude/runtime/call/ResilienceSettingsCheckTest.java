package io.quarkiverse.claude.runtime.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.claude.runtime.config.ResilienceConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Each resilience setting out of range is refused with the property, the value and the rule. */
class ResilienceSettingsCheckTest {

    static final String PREFIX = "quarkus.claude.resilience";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rate-limit.max-retries|-1|quarkus.claude.resilience.rate-limit.max-retries=-1 must be 0 or more",
            "overloaded.jitter|1.5|quarkus.claude.resilience.overloaded.jitter=1.5 must be between 0 and 1",
            "server-error.delay|-1s|quarkus.claude.resilience.server-error.delay=PT-1S must not be negative",
            "timeout.max-delay|1ms|quarkus.claude.resilience.timeout.max-delay=PT0.001S must not be shorter than"
                    + " quarkus.claude.resilience.timeout.delay",
            "deadline|0s|quarkus.claude.resilience.deadline=PT0S must be positive",
            "attempt-timeout|0s|quarkus.claude.resilience.attempt-timeout=PT0S must be positive",
            "bulkhead.max-concurrent|0|quarkus.claude.resilience.bulkhead.max-concurrent=0 must be 1 or more",
            "bulkhead.max-queued|-1|quarkus.claude.resilience.bulkhead.max-queued=-1 must be 0 (no queue) or more",
            "circuit-breaker.failure-ratio|0|quarkus.claude.resilience.circuit-breaker.failure-ratio=0.0 must be above 0"
                    + " and at most 1",
            "circuit-breaker.delay|-5s|quarkus.claude.resilience.circuit-breaker.delay=PT-5S must not be negative",
    })
    void aSettingOutOfRangeIsNamed(String setting, String value, String message) {
        ResilienceConfig config = resilience(Map.of(PREFIX + "." + setting, value));
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ResilienceSettingsCheck.validate(PREFIX, config));
        assertEquals(message, refused.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "deadline|1s", "rate-limit.max-retries|0", "overloaded.jitter|1" })
    void settingsInRangePass(String setting, String value) {
        ResilienceSettingsCheck.validate(PREFIX, resilience(Map.of(PREFIX + "." + setting, value)));
    }

    /** The settings as the application's configuration maps them, defaults included. */
    static ResilienceConfig resilience(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ResilienceConfig.class, PREFIX)
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500))
                .build();
        return config.getConfigMapping(ResilienceConfig.class, PREFIX);
    }
}
