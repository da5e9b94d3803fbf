package io.quarkiverse.claude.runtime.structured;

import java.util.Map;

import io.quarkus.runtime.annotations.Recorder;

/** Hands the schemas the build derived to {@link StructuredTypes} at startup. */
@Recorder
public class StructuredOutputRecorder {

    public void record(Map<String, String> schemasByType) {
        StructuredTypes.record(schemasByType);
    }
}
