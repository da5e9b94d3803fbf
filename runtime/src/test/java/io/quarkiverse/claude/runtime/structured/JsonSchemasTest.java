package io.quarkiverse.claude.runtime.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.Description;

/** Each Java shape and the schema it gets; each shape the API cannot accept and the problem that names it. */
class JsonSchemasTest {

    record Address(String city, @JsonProperty("post_code") String postCode) {
    }

    enum Colour {
        RED,
        GREEN
    }

    @Description("A person in the text")
    record Person(@Description("Given name") String name, int age, Integer height, double score, Boolean active,
            long id, Colour colour, List<String> tags, String[] aliases, Set<Address> homes, Address address,
            Optional<String> nickname, @JsonPropertyDescription("When born") LocalDate born, Instant seen,
            LocalDateTime local, UUID ref) {
    }

    static class Book {
        private String title;
        public int pages;
        @JsonIgnore
        public String secret;

        public String getTitle() {
            return title;
        }

        /** Computed: nothing the answer could set, so not in the schema. */
        public int getTitleLength() {
            return title.length();
        }
    }

    record Node(String name, Node next) {
    }

    record Tree(String name, List<Tree> children) {
    }

    record Counts(Map<String, Integer> byWord) {
    }

    record ByNumber(Map<Integer, String> names) {
    }

    record Empty() {
    }

    record Holder(Empty empty) {
    }

    record Anything(Object value) {
    }

    interface Shape {
    }

    record Drawing(Shape shape) {
    }

    record Outer(Address first, Address second) {
    }

    @Test
    void aRecordOfEveryShape() throws Exception {
        JsonNode schema = JsonSchemas.of(Person.class);
        JsonNode expected = StructuredJson.MAPPER.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema",
                 "type":"object","description":"A person in the text","properties":{
                  "name":{"type":"string","description":"Given name"},
                  "age":{"type":"integer"},
                  "height":{"type":"integer"},
                  "score":{"type":"number"},
                  "active":{"type":"boolean"},
                  "id":{"type":"integer"},
                  "colour":{"type":"string","enum":["RED","GREEN"]},
                  "tags":{"type":"array","items":{"type":"string"}},
                  "aliases":{"type":"array","items":{"type":"string"}},
                  "homes":{"type":"array","items":{"type":"object","properties":{"city":{"type":"string"},
                      "post_code":{"type":"string"}},"required":["city","post_code"],"additionalProperties":false}},
                  "address":{"type":"object","properties":{"city":{"type":"string"},"post_code":{"type":"string"}},
                      "required":["city","post_code"],"additionalProperties":false},
                  "nickname":{"anyOf":[{"type":"string"},{"type":"null"}]},
                  "born":{"type":"string","format":"date","description":"When born"},
                  "seen":{"type":"string","format":"date-time"},
                  "local":{"type":"string","description":"ISO-8601 local date-time without offset, e.g. 2026-11-30T09:15:00"},
                  "ref":{"type":"string","format":"uuid"}},
                 "required":["name","age","height","score","active","id","colour","tags","aliases","homes","address",
                   "nickname","born","seen","local","ref"],
                 "additionalProperties":false}
                """);
        assertEquals(expected, schema);
    }

    @Test
    void aClassWithFieldsAndGetters() throws Exception {
        assertEquals(StructuredJson.MAPPER.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema",
                 "type":"object","properties":{"title":{"type":"string"},"pages":{"type":"integer"}},
                 "required":["title","pages"],"additionalProperties":false}
                """), JsonSchemas.of(Book.class));
    }

    @Test
    void theSameTypeTwiceIsNotRecursion() {
        JsonNode schema = JsonSchemas.of(Outer.class);
        assertEquals(schema.at("/properties/first"), schema.at("/properties/second"));
    }

    @Test
    void recursiveTypesAreRefusedNamingTheField() {
        assertProblem(Node.class, "$.next", "contains itself");
        assertProblem(Tree.class, "$.children[*]", "contains itself");
    }

    @Test
    void mapsAreRefused() {
        assertProblem(Counts.class, "$.byWord", "a Map has no fixed properties");
        assertProblem(ByNumber.class, "$.names", "a Map has no fixed properties");
    }

    @Test
    void objectsWithoutPropertiesAreRefused() {
        assertProblem(Empty.class, "$", "has no property");
        assertProblem(Holder.class, "$.empty", "has no property");
    }

    @Test
    void rawAndAbstractTypesAreRefused() {
        assertProblem(Anything.class, "$.value", "java.lang.Object has no schema");
        assertProblem(Drawing.class, "$.shape", "abstract or polymorphic");
    }

    @Test
    void theRootMustBeAnObject() {
        assertProblem(String.class, "$", "must be a JSON object");
        assertProblem(List.class, "$", "must be a JSON object");
    }

    @Test
    void problemsAreCachedAndRethrownFresh() {
        SchemaProblem first = assertThrows(SchemaProblem.class, () -> StructuredTypes.schemaOf(Node.class));
        SchemaProblem second = assertThrows(SchemaProblem.class, () -> StructuredTypes.schemaOf(Node.class));
        assertEquals(first.getMessage(), second.getMessage());
        assertTrue(first != second);
    }

    private static void assertProblem(Class<?> type, String path, String reason) {
        SchemaProblem problem = assertThrows(SchemaProblem.class, () -> JsonSchemas.of(type));
        assertEquals(type.getName(), problem.typeName());
        assertEquals(path, problem.path(), problem.getMessage());
        assertTrue(problem.reason().contains(reason), problem.getMessage());
        assertTrue(problem.getMessage().contains(type.getName()) && problem.getMessage().contains(path));
    }
}
