package io.quarkiverse.claude.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAnySetter;

/**
 * Base of every model type that the API may extend without notice.
 * <p>
 * Fields this version of the extension does not know are kept here on the way in and written back on the way out,
 * so a response can be stored, logged or sent back (as in a tool-use round trip) without losing anything.
 * <p>
 * Only annotated fields are JSON: convenience methods such as {@code isEnded()} must never become fields the API does
 * not know.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class JsonExtensible {

    // Created on the first unknown field: most objects have none, and a stream reads thousands of them.
    private Map<String, Object> extraFields;

    /**
     * @return the fields the API sent that this model does not map, by JSON name, as Jackson read them
     *         ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or {@code null})
     */
    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return extraFields == null ? Map.of() : Collections.unmodifiableMap(extraFields);
    }

    @JsonAnySetter
    protected void putExtraField(String name, Object value) {
        if (extraFields == null) {
            extraFields = new LinkedHashMap<>();
        }
        extraFields.put(name, value);
    }
}
