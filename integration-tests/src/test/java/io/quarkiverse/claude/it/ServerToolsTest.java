package io.quarkiverse.claude.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.model.BashCodeExecutionToolResultBlock;
import io.quarkiverse.claude.model.Citation;
import io.quarkiverse.claude.model.ContentBlock;
import io.quarkiverse.claude.model.ContentSource;
import io.quarkiverse.claude.model.DocumentBlock;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageAccumulator;
import io.quarkiverse.claude.model.MessageParam;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.model.ServerTool;
import io.quarkiverse.claude.model.ServerToolUseBlock;
import io.quarkiverse.claude.model.StopReason;
import io.quarkiverse.claude.model.TextBlock;
import io.quarkiverse.claude.model.WebFetchToolResultBlock;
import io.quarkiverse.claude.model.WebSearchResult;
import io.quarkiverse.claude.model.WebSearchToolResultBlock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Server tools and citations through our client, against the simulator: the request carries the typed tools, and the
 * answer's blocks, citations and server tool usage arrive typed, the same whether the answer is JSON or streamed.
 */
@QuarkusTest
@TestProfile(DefaultClientProfile.class)
class ServerToolsTest extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ClaudeClient claude;

    private static MessageRequest webSearch(String question) {
        return MessageRequest.builder()
                .addUserMessage(question)
                .addTool(ServerTool.webSearch().withMaxUses(2).withAllowedDomains(List.of("quarkus.io")))
                .build();
    }

    private Message streamed(MessageRequest request) {
        return claude.messages().stream(request)
                .collect().in(MessageAccumulator::new, MessageAccumulator::accept)
                .await().atMost(WAIT).message();
    }

    @Test
    void webSearchArrivesTypedAsJsonAndStreamed() {
        for (boolean stream : List.of(false, true)) {
            MessageRequest request = webSearch("latest Quarkus release");
            Message answer = stream ? streamed(request) : claude.messages().create(request);

            JsonNode sent = simulator.lastRequest().json();
            assertEquals(stream, sent.path("stream").asBoolean());
            assertEquals("web_search_20250305", sent.at("/tools/0/type").asText());
            assertEquals("web_search", sent.at("/tools/0/name").asText());
            assertEquals(2, sent.at("/tools/0/max_uses").asInt());
            assertEquals("quarkus.io", sent.at("/tools/0/allowed_domains/0").asText());

            List<ContentBlock> content = answer.content();
            ServerToolUseBlock search = assertInstanceOf(ServerToolUseBlock.class, content.get(0));
            assertEquals(ServerToolUseBlock.WEB_SEARCH, search.name());
            assertEquals("latest Quarkus release", search.input().get("query").asText(), "streamed input assembled");
            WebSearchToolResultBlock found = assertInstanceOf(WebSearchToolResultBlock.class, content.get(1));
            assertEquals(search.id(), found.toolUseId());
            WebSearchResult first = found.results().get(0);
            assertEquals("https://quarkus.io/result-1", first.url());
            TextBlock text = assertInstanceOf(TextBlock.class, content.get(2));
            assertEquals("Echo: latest Quarkus release", answer.text());
            Citation.WebSearchResultLocation cited = assertInstanceOf(Citation.WebSearchResultLocation.class,
                    text.citations().get(0));
            assertEquals(first.url(), cited.url());
            assertEquals(1, answer.usage().serverToolUse().webSearchRequests());
            assertEquals(StopReason.END_TURN, answer.stopReason());
            assertEquals(List.of(), answer.toolUses(), "nothing for the application to run");
        }
    }

    @Test
    void theSearchGoesBackUnchangedInTheNextTurn() {
        MessageRequest ask = webSearch("latest Quarkus release");
        Message first = claude.messages().create(ask);
        WebSearchResult result = ((WebSearchToolResultBlock) first.content().get(1)).results().get(0);
        Citation.WebSearchResultLocation cited = (Citation.WebSearchResultLocation) ((TextBlock) first.content().get(2))
                .citations().get(0);

        claude.messages().create(ask.toBuilder()
                .addMessage(MessageParam.of(first))
                .addUserMessage("And the one before?")
                .build());

        JsonNode turn = simulator.lastRequest().json().at("/messages/1/content");
        assertEquals("server_tool_use", turn.at("/0/type").asText());
        assertEquals("direct", turn.at("/0/caller/type").asText(), "untyped fields go back too");
        assertEquals(result.encryptedContent(), turn.at("/1/content/0/encrypted_content").asText());
        assertEquals(cited.encryptedIndex(), turn.at("/2/citations/0/encrypted_index").asText());
    }

    @Test
    void webFetchGivesThePageOrAnErrorCode() {
        for (boolean stream : List.of(false, true)) {
            MessageRequest fetch = MessageRequest.builder()
                    .addUserMessage("Summarise https://quarkus.io/guides/")
                    .addTool(ServerTool.webFetch().withCitations().withMaxContentTokens(2000))
                    .build();
            Message page = stream ? streamed(fetch) : claude.messages().create(fetch);
            WebFetchToolResultBlock fetched = assertInstanceOf(WebFetchToolResultBlock.class, page.content().get(1));
            assertEquals("https://quarkus.io/guides/", fetched.result().url());
            assertEquals("The page at https://quarkus.io/guides/ says hello.", fetched.result().document().source().data());
            assertInstanceOf(Citation.CharLocation.class, ((TextBlock) page.content().get(2)).citations().get(0));
            assertEquals(1, page.usage().serverToolUse().webFetchRequests());

            MessageRequest gone = MessageRequest.builder()
                    .addUserMessage("Summarise https://gone.invalid/")
                    .addTool(ServerTool.webFetch())
                    .build();
            Message failed = stream ? streamed(gone) : claude.messages().create(gone);
            WebFetchToolResultBlock error = assertInstanceOf(WebFetchToolResultBlock.class, failed.content().get(1));
            assertTrue(error.isError());
            assertEquals("url_not_accessible", error.error().errorCode());
            assertNull(error.result());
        }
    }

    @Test
    void codeExecutionGivesTheCommandsOutput() {
        for (boolean stream : List.of(false, true)) {
            MessageRequest run = MessageRequest.builder()
                    .addUserMessage("hello from the sandbox")
                    .addTool(ServerTool.codeExecution())
                    .build();
            Message answer = stream ? streamed(run) : claude.messages().create(run);

            assertEquals("code_execution_20250825", simulator.lastRequest().json().at("/tools/0/type").asText());
            assertEquals(ServerToolUseBlock.BASH_CODE_EXECUTION,
                    assertInstanceOf(ServerToolUseBlock.class, answer.content().get(0)).name());
            BashCodeExecutionToolResultBlock ran = assertInstanceOf(BashCodeExecutionToolResultBlock.class,
                    answer.content().get(1));
            assertEquals("hello from the sandbox\n", ran.result().stdout());
            assertEquals(0, ran.result().returnCode());
        }
    }

    @Test
    void aDocumentWithCitationsIsCited() {
        for (boolean stream : List.of(false, true)) {
            MessageRequest ask = MessageRequest.builder()
                    .addMessage(MessageParam.user(List.of(
                            new DocumentBlock(ContentSource.text("The grass is green. The sky is blue."), "Facts", null)
                                    .withCitations(),
                            ContentBlock.text("What colour is the grass?"))))
                    .build();
            Message answer = stream ? streamed(ask) : claude.messages().create(ask);

            assertTrue(simulator.lastRequest().json().at("/messages/0/content/0/citations/enabled").asBoolean());
            Citation.CharLocation cited = assertInstanceOf(Citation.CharLocation.class,
                    ((TextBlock) answer.content().get(0)).citations().get(0));
            assertEquals("The grass is green.", cited.citedText());
            assertEquals(0, cited.documentIndex());
            assertEquals("Facts", cited.documentTitle());
            assertEquals(0, cited.startCharIndex());
            assertEquals(19, cited.endCharIndex());
            assertNull(answer.usage().serverToolUse(), "no server tool ran");
        }
    }
}
