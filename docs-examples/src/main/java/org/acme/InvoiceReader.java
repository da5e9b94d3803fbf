package org.acme;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.Description;

@ApplicationScoped
public class InvoiceReader {

    public enum Currency { EUR, USD, GBP }

    public record Line(String item, int quantity, double unitPrice) {
    }

    public record Invoice(
            @Description("The supplier's name, as printed") String supplier,
            LocalDate issued,
            Currency currency,
            List<Line> lines,
            Optional<String> purchaseOrder) { // may be null in the answer
    }

    @Inject
    ClaudeClient claude;

    public Invoice read(String invoiceText) {
        return claude.ask("Extract this invoice: " + invoiceText, Invoice.class);
    }
}
