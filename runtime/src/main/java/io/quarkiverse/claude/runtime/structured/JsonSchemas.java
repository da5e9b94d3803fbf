package io.quarkiverse.claude.runtime.structured;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.quarkiverse.claude.Description;

/**
 * Derives the JSON schema of a structured output from a Java type, with Jackson's own introspection of the type (so
 * that the schema has the names and properties the answer is read with), within the subset the API accepts: every
 * object has {@code additionalProperties: false}, lists every property in {@code required} and has at least one;
 * nothing is recursive. An {@code Optional} property is required but may be {@code null}
 * ({@code anyOf} with {@code {"type":"null"}}). Properties keep the order Jackson reads them in (a record's
 * components, a class's fields), which is the order the model writes them in; the official SDK sorts them by name.
 * <p>
 * A type outside that subset fails with a {@link SchemaProblem} naming the type and the property.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The dialect the official SDK names at the root of the schemas it sends; the API reads them as such. */
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final String rootName;
    private final Deque<Class<?>> enclosing = new ArrayDeque<>();
    /** Every object and enum type the schema describes, for the build's reflection registration. */
    private final Set<String> described = new LinkedHashSet<>();

    private JsonSchemas(Class<?> root) {
        this.rootName = root.getName();
    }

    /**
     * @return the schema of {@code type}, a record or class with properties
     * @throws SchemaProblem when the API could not accept it
     */
    public static ObjectNode of(Class<?> type) {
        return of(type, new JsonSchemas(type));
    }

    private static ObjectNode of(Class<?> type, JsonSchemas schemas) {
        JavaType root = StructuredJson.MAPPER.constructType(type);
        if (!isBean(root)) {
            throw schemas.problem("$", "the answer must be a JSON object: use a record or a class with properties "
                    + "(wrap " + type.getSimpleName() + " in a record)");
        }
        ObjectNode schema = NODES.objectNode().put("$schema", DIALECT);
        schema.setAll(schemas.schema(root, "$"));
        return schema;
    }

    /**
     * For the build step, which loads the application's types in another class loader: only JDK types cross it.
     *
     * @return the schema of {@code type} as JSON, then the names of the object and enum types it describes
     * @throws SchemaProblem when the API could not accept it
     */
    public static List<String> describe(Class<?> type) {
        JsonSchemas schemas = new JsonSchemas(type);
        ObjectNode schema = of(type, schemas);
        List<String> result = new ArrayList<>();
        result.add(schema.toString());
        result.addAll(schemas.described);
        return result;
    }

    private ObjectNode schema(JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            return nullable(schema(type.isReferenceType() ? type.getReferencedType() : type.containedTypeOrUnknown(0), path));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class) {
            return nullable(simple("integer"));
        }
        if (raw == OptionalDouble.class) {
            return nullable(simple("number"));
        }
        ObjectNode simple = simpleType(raw);
        if (simple != null) {
            return simple;
        }
        if (raw.isEnum()) {
            return enumSchema(raw, path);
        }
        if (type.isMapLikeType()) {
            throw problem(path, "a Map has no fixed properties, and the API accepts only objects with "
                    + "additionalProperties: false: use a List of a record with a key and a value");
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            ObjectNode array = simple("array");
            array.set("items", schema(type.getContentType(), path + "[*]"));
            return array;
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            throw problem(path, raw.getName() + " has no schema: name a concrete type");
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()) || raw.isAnnotationPresent(JsonTypeInfo.class)) {
            throw problem(path, raw.getName() + " is abstract or polymorphic, and a structured output needs one "
                    + "concrete type: name a record or a final class");
        }
        if (raw.isPrimitive() || raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
            throw problem(path, raw.getName() + " has no JSON schema: use a String, a number, a boolean, an enum, a "
                    + "java.time type, a List or a record");
        }
        return objectSchema(type, path);
    }

    private ObjectNode objectSchema(JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (enclosing.contains(raw)) {
            throw problem(path, raw.getName() + " contains itself, and the API accepts no recursive schema: "
                    + "cut the cycle (keep an id, or a type without the nested field)");
        }
        BeanDescription bean = StructuredJson.MAPPER.getDeserializationConfig().introspect(type);
        if (bean.findAnySetterAccessor() != null || bean.findJsonValueAccessor() != null) {
            throw problem(path, raw.getName() + " takes any property (@JsonAnySetter) or has a custom JSON form "
                    + "(@JsonValue), which no schema of fixed properties describes");
        }
        enclosing.push(raw);
        described.add(raw.getName());
        try {
            ObjectNode object = simple("object");
            String typeDescription = typeDescription(raw);
            if (typeDescription != null) {
                object.put("description", typeDescription);
            }
            ObjectNode properties = object.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            for (BeanPropertyDefinition property : bean.findProperties()) {
                if (!property.couldDeserialize()) {
                    continue; // computed getters: nothing the answer could set
                }
                String at = path + "." + property.getName();
                if (has(property, JsonUnwrapped.class)) {
                    throw problem(at, "@JsonUnwrapped is not supported in structured outputs: nest the object");
                }
                ObjectNode schema = schema(property.getPrimaryType(), at);
                String description = description(property);
                if (description != null) {
                    schema.put("description", description);
                }
                properties.set(property.getName(), schema);
                required.add(property.getName());
            }
            if (properties.isEmpty()) {
                throw problem(path, raw.getName() + " has no property the answer could set, and the API requires "
                        + "at least one: add a field or a record component (with a constructor or setter Jackson can use)");
            }
            object.set("required", required);
            object.put("additionalProperties", false);
            return object;
        } finally {
            enclosing.pop();
        }
    }

    /** @return the schema of a scalar type, or {@code null} when the type is not one */
    private static ObjectNode simpleType(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class || raw == CharSequence.class) {
            return simple("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean");
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return simple("integer");
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class) {
            return simple("number");
        }
        if (raw == byte[].class) {
            return described(simple("string"), "base64");
        }
        if (raw == LocalDate.class) {
            return formatted("date");
        }
        if (raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Instant.class) {
            return formatted("date-time");
        }
        if (raw == OffsetTime.class) {
            return formatted("time");
        }
        if (raw == Duration.class) {
            return formatted("duration");
        }
        if (raw == UUID.class) {
            return formatted("uuid");
        }
        if (raw == URI.class || raw == URL.class) {
            return formatted("uri");
        }
        // the API's date-time and time formats carry an offset, which these types cannot read: a plain string
        if (raw == LocalDateTime.class) {
            return described(simple("string"), "ISO-8601 local date-time without offset, e.g. 2026-11-30T09:15:00");
        }
        if (raw == LocalTime.class) {
            return described(simple("string"), "ISO-8601 local time without offset, e.g. 09:15:00");
        }
        if (raw == Period.class) {
            return described(simple("string"), "ISO-8601 period, e.g. P1Y2M3D");
        }
        return null;
    }

    private ObjectNode enumSchema(Class<?> raw, String path) {
        described.add(raw.getName());
        ObjectNode schema = simple("string");
        ArrayNode values = schema.putArray("enum");
        for (Object constant : raw.getEnumConstants()) {
            JsonNode value = StructuredJson.MAPPER.valueToTree(constant);
            if (!value.isTextual()) {
                throw problem(path, "enum " + raw.getName() + " is not written as strings");
            }
            values.add(value.asText());
        }
        if (values.isEmpty()) {
            throw problem(path, "enum " + raw.getName() + " has no constants");
        }
        String description = typeDescription(raw);
        if (description != null) {
            schema.put("description", description);
        }
        return schema;
    }

    private static boolean isBean(JavaType type) {
        Class<?> raw = type.getRawClass();
        return simpleType(raw) == null && !raw.isEnum() && !type.isContainerType() && !raw.isPrimitive()
                && raw != Optional.class && !raw.getName().startsWith("java.");
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode either = NODES.objectNode();
        // a description stays outside, where a property's own description goes too
        JsonNode description = schema.remove("description");
        if (description != null) {
            either.set("description", description);
        }
        either.putArray("anyOf").add(schema).add(simple("null"));
        return either;
    }

    private static ObjectNode simple(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode formatted(String format) {
        return simple("string").put("format", format);
    }

    private static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }

    private static String typeDescription(Class<?> raw) {
        Description ours = raw.getAnnotation(Description.class);
        if (ours != null) {
            return ours.value();
        }
        JsonClassDescription jackson = raw.getAnnotation(JsonClassDescription.class);
        return jackson == null ? null : jackson.value();
    }

    private static String description(BeanPropertyDefinition property) {
        for (AnnotatedMember member : new AnnotatedMember[] { property.getField(), property.getGetter(),
                property.getSetter(), property.getConstructorParameter() }) {
            if (member != null) {
                Description ours = member.getAnnotation(Description.class);
                if (ours != null) {
                    return ours.value();
                }
            }
        }
        return property.getMetadata().getDescription();
    }

    private static boolean has(BeanPropertyDefinition property, Class<? extends java.lang.annotation.Annotation> type) {
        AnnotatedMember member = property.getPrimaryMember();
        return member != null && member.hasAnnotation(type);
    }

    private SchemaProblem problem(String path, String reason) {
        return new SchemaProblem(rootName, path, reason);
    }
}
