package org.acme;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.Citation;
import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.ContentSource;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ServerTool;
import io.quarkiverse.claude.model.ServerToolUsage;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.WebSearchToolResultBlock;

@ApplicationScoped
public class WebResearch {

    @Inject
    ClaudeClient claude;

    /** The answer, then the pages it cites and how many searches it took. */
    public String answerWithSources(String question) {
        MessageRequest request = MessageRequest.builder()
                .addUserMessage(question)
                .addTool(ServerTool.webSearch().withMaxUses(3).withAllowedDomains(List.of("quarkus.io")))
                .build();
        Message answer = claude.messages().create(request); // the API searched: no tool loop

        StringBuilder out = new StringBuilder(answer.text());
        for (ContentBlock block : answer.content()) {
            if (block instanceof WebSearchToolResultBlock search && search.isError()) {
                out.append("\nSearch failed: ").append(search.error().errorCode());
            } else if (block instanceof TextBlock text) {
                for (Citation citation : text.citations()) {
                    if (citation instanceof Citation.WebSearchResultLocation page) {
                        out.append("\nSource: ").append(page.title()).append(" <").append(page.url()).append('>');
                    }
                }
            }
        }
        ServerToolUsage used = answer.usage().serverToolUse();
        out.append("\nSearches: ").append(used == null ? 0 : used.webSearchRequests());
        return out.toString();
    }

    /** The passages of the document that the answer cites. */
    public List<String> citedPassages(String document, String question) {
        Message answer = claude.messages().create(MessageRequest.builder()
                .addMessage(MessageParam.user(List.of(
                        new DocumentBlock(ContentSource.text(document), "Policy", null).withCitations(),
                        ContentBlock.text(question))))
                .build());
        return answer.content().stream()
                .filter(TextBlock.class::isInstance)
                .flatMap(block -> ((TextBlock) block).citations().stream())
                .map(Citation::citedText)
                .toList();
    }
}
