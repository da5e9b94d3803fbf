package org.acme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.batch.BatchRequest;
import io.quarkiverse.claude.model.batch.BatchResult;
import io.quarkiverse.claude.model.batch.MessageBatch;

@ApplicationScoped
public class OvernightSummaries {

    @Inject
    ClaudeClient claude;

    /** @param pollEvery how long to wait between two looks at the batch: a real batch takes minutes to hours */
    public List<String> summarise(List<String> documents, Duration pollEvery) throws InterruptedException {
        List<BatchRequest> requests = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            requests.add(BatchRequest.of("doc-" + i, MessageRequest.of("Summarise: " + documents.get(i))));
        }
        MessageBatch batch = claude.batches().create(requests);
        while (!batch.isEnded()) {
            Thread.sleep(pollEvery.toMillis());
            batch = claude.batches().retrieve(batch.id());
        }
        List<String> summaries = new ArrayList<>();
        for (BatchResult result : claude.batches().resultsBlocking(batch.id())) { // read line by line
            if (result.isSucceeded()) {
                summaries.add(result.customId() + ": " + result.message().text());
            } else if (result.isErrored()) {
                ClaudeApiException error = result.error(); // typed, e.g. InvalidRequestException
                summaries.add(result.customId() + " failed: " + error.errorType());
            }
        }
        return summaries;
    }
}
