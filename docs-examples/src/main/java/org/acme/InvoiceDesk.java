package org.acme;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.StructuredAnswer;
import io.quarkiverse.claude.errors.StructuredOutputException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.OutputConfig;
import io.smallrye.mutiny.Uni;

import org.acme.InvoiceReader.Invoice;

/** The Structured outputs page's other examples: the answer with its usage, non-blocking, streamed, and failures. */
@ApplicationScoped
public class InvoiceDesk {

    private static final Logger LOG = Logger.getLogger(InvoiceDesk.class);

    @Inject
    ClaudeClient claude;

    public StructuredAnswer<Invoice> readWithUsage(String invoiceText) {
        MessageRequest request = MessageRequest.builder()
                .system("You read invoices. Leave out nothing that is printed.")
                .addUserMessage(invoiceText)
                .outputConfig(OutputConfig.effort("low"))
                .build();
        StructuredAnswer<Invoice> answer = claude.messages().create(request, Invoice.class);
        LOG.infof("%s: %d output tokens", answer.value().supplier(), answer.usage().outputTokens());
        return answer;
    }

    public Uni<Invoice> readAsync(String invoiceText) {
        return claude.messages().createAsync(MessageRequest.of(invoiceText), Invoice.class)
                .map(StructuredAnswer::value);
    }

    public Invoice readStreamed(String invoiceText, Consumer<String> progress) {
        return claude.messages().stream(MessageRequest.of(invoiceText), Invoice.class, progress).value();
    }

    public Optional<Invoice> readOrSkip(String invoiceText) {
        try {
            return Optional.of(claude.ask(invoiceText, Invoice.class));
        } catch (StructuredOutputException e) {
            // e.g. SCHEMA_VIOLATION at $.lines[0].quantity: expected an integer, found a string
            LOG.warnf("Invoice skipped: %s at %s: %s", e.reason(), e.path(), e.detail());
            return Optional.empty();
        }
    }
}
