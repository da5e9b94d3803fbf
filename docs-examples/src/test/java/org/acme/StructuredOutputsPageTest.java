package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.Fault;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.acme.InvoiceReader.Currency;
import org.acme.InvoiceReader.Invoice;
import org.acme.InvoiceReader.Line;

/** The Structured outputs page: each example returns what the page says, against the simulator's schema answers. */
@QuarkusTest
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
class StructuredOutputsPageTest {

    /** The simulator fills a string with its property's name, a number with 1 or 1.5, an enum with its first value. */
    static final Invoice SIMULATED = new Invoice("supplier", LocalDate.of(2026, 11, 30), Currency.EUR,
            List.of(new Line("item", 1, 1.5)), Optional.of("purchaseOrder"));

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @Inject
    InvoiceReader reader;

    @Inject
    InvoiceDesk desk;

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @Test
    void askReturnsTheRecord() {
        assertEquals(SIMULATED, reader.read("ACME Ltd, 2026-11-30, 3 widgets at 9.50 EUR"));
        var schema = simulator.lastRequest().json().at("/output_config/format/schema");
        assertEquals("The supplier's name, as printed", schema.at("/properties/supplier/description").asText());
        assertEquals("date", schema.at("/properties/issued/format").asText());
        assertEquals("null", schema.at("/properties/purchaseOrder/anyOf/1/type").asText());
    }

    @Test
    void createKeepsTheUsageAndTheEffort() {
        StructuredAnswer<Invoice> answer = desk.readWithUsage("ACME Ltd");

        assertEquals(SIMULATED, answer.value());
        assertTrue(answer.usage().outputTokens() > 0);
        assertEquals("low", simulator.lastRequest().json().at("/output_config/effort").asText());
    }

    @Test
    void asyncAndStreamedGiveTheSameInvoice() {
        assertEquals(SIMULATED, desk.readAsync("ACME Ltd").await().atMost(Duration.ofSeconds(10)));
        List<String> pieces = new ArrayList<>();
        assertEquals(SIMULATED, desk.readStreamed("ACME Ltd", pieces::add));
        assertTrue(String.join("", pieces).startsWith("{\"supplier\":\"supplier\""), pieces.toString());
    }

    @Test
    void anAnswerThatBreaksTheSchemaIsSkippedAfterOneCall() {
        simulator.enqueue(Fault.schemaViolation());

        assertEquals(Optional.empty(), desk.readOrSkip("ACME Ltd"));
        assertEquals(1, simulator.requests("/v1/messages").size(), "not retried by default");
    }
}
