package io.quarkiverse.claude.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Base64PdfSource;
import com.anthropic.models.messages.BashCodeExecutionResultBlock;
import com.anthropic.models.messages.CitationCharLocation;
import com.anthropic.models.messages.CitationPageLocation;
import com.anthropic.models.messages.CitationsConfigParam;
import com.anthropic.models.messages.CitationsWebSearchResultLocation;
import com.anthropic.models.messages.CodeExecutionResultBlock;
import com.anthropic.models.messages.CodeExecutionTool20250522;
import com.anthropic.models.messages.CodeExecutionTool20250825;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.DocumentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.PlainTextSource;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ServerToolUseBlock;
import com.anthropic.models.messages.TextBlock;
import com.anthropic.models.messages.UserLocation;
import com.anthropic.models.messages.WebFetchBlock;
import com.anthropic.models.messages.WebFetchTool20250910;
import com.anthropic.models.messages.WebFetchToolResultErrorCode;
import com.anthropic.models.messages.WebSearchResultBlock;
import com.anthropic.models.messages.WebSearchTool20250305;

/**
 * The simulator's server tool and citation answers, driven by the official Java SDK: the SDK's server tools and
 * cited documents are accepted, and every block the simulator answers with parses (and validates) in the SDK as the
 * block of the same type, as JSON and as a stream the SDK's accumulator builds.
 */
class OfficialSdkServerToolsTest {

    @RegisterExtension
    static final RunningSimulator running = new RunningSimulator();

    private static MessageCreateParams.Builder params(String text) {
        return MessageCreateParams.builder().model("claude-sonnet-4-6").maxTokens(512).addUserMessage(text);
    }

    /** The message as JSON and as the stream of the same request, each validated, then checked by {@code check}. */
    private static void bothWays(MessageCreateParams params, Function<Message, Object> check) {
        check.apply(validated(running.sdk().messages().create(params)));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = running.sdk().messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        check.apply(validated(accumulator.message()));
    }

    /**
     * The SDK's own check that every required field is there with its type. {@code Message#validate()} is not usable
     * as a whole: SDK 3.13's {@code ServerToolUseBlock#validate()} compares its typed {@code name} with the raw string
     * {@code "web_search"} and so rejects every server_tool_use block, the API's included. That block's fields are
     * read one by one instead.
     */
    private static Message validated(Message message) {
        for (ContentBlock block : message.content()) {
            if (block.isServerToolUse()) {
                ServerToolUseBlock use = block.asServerToolUse();
                use.id();
                use.name();
                use.caller().validate();
            } else {
                block.validate();
            }
        }
        message.usage().validate();
        return message;
    }

    @Test
    void webSearchAnswersWithTheSearchItsResultsAndACitation() {
        MessageCreateParams params = params("latest Quarkus release")
                .addTool(WebSearchTool20250305.builder().maxUses(2L).allowedDomains(List.of("quarkus.io"))
                        .userLocation(UserLocation.builder().city("Lyon").country("FR").timezone("Europe/Paris").build())
                        .build())
                .build();

        bothWays(params, message -> {
            List<ContentBlock> content = message.content();
            assertEquals(3, content.size());
            ServerToolUseBlock use = content.get(0).asServerToolUse();
            assertTrue(use.id().startsWith("srvtoolu_sim_"));
            assertEquals(ServerToolUseBlock.Name.WEB_SEARCH, use.name());
            assertEquals("latest Quarkus release", use._input().convert(java.util.Map.class).get("query"));
            List<WebSearchResultBlock> results = content.get(1).asWebSearchToolResult().content().asResultBlocks();
            assertEquals(use.id(), content.get(1).asWebSearchToolResult().toolUseId());
            assertEquals("https://quarkus.io/result-1", results.get(0).url());
            TextBlock text = content.get(2).asText();
            assertEquals("Echo: latest Quarkus release", text.text());
            CitationsWebSearchResultLocation cited = text.citations().orElseThrow().get(0).asWebSearchResultLocation();
            assertEquals(results.get(0).url(), cited.url());
            assertEquals(1, message.usage().serverToolUse().orElseThrow().webSearchRequests());
            assertEquals(0, message.usage().serverToolUse().orElseThrow().webFetchRequests());
            return null;
        });
        assertEquals("web_search_20250305", running.sim().lastRequest().json().at("/tools/0/type").asText());
    }

    @Test
    void webFetchAnswersWithThePageOrItsError() {
        WebFetchTool20250910 fetch = WebFetchTool20250910.builder()
                .citations(CitationsConfigParam.builder().enabled(true).build()).maxContentTokens(2000L).build();

        bothWays(params("summarise https://quarkus.io/guides/ please").addTool(fetch).build(), message -> {
            WebFetchBlock page = message.content().get(1).asWebFetchToolResult().content().asWebFetchBlock();
            assertEquals("https://quarkus.io/guides/", page.url());
            CitationCharLocation cited = message.content().get(2).asText().citations().orElseThrow().get(0)
                    .asCharLocation();
            assertEquals("The page at https://quarkus.io/guides/ says hello.", cited.citedText());
            assertEquals(1, message.usage().serverToolUse().orElseThrow().webFetchRequests());
            return null;
        });
        bothWays(params("read https://gone.invalid/x").addTool(fetch).build(), message -> {
            assertEquals(WebFetchToolResultErrorCode.URL_NOT_ACCESSIBLE, message.content().get(1).asWebFetchToolResult()
                    .content().asWebFetchToolResultErrorBlock().errorCode());
            return null;
        });
    }

    @Test
    void codeExecutionAnswersWithItsOutput() {
        bothWays(params("hello from python").addTool(CodeExecutionTool20250522.builder().build()).build(), message -> {
            assertEquals(ServerToolUseBlock.Name.CODE_EXECUTION, message.content().get(0).asServerToolUse().name());
            CodeExecutionResultBlock ran = message.content().get(1).asCodeExecutionToolResult().content().asResultBlock();
            assertEquals("hello from python\n", ran.stdout());
            assertEquals(0, ran.returnCode());
            return null;
        });
        bothWays(params("hello from bash").addTool(CodeExecutionTool20250825.builder().build()).build(), message -> {
            assertEquals(ServerToolUseBlock.Name.BASH_CODE_EXECUTION, message.content().get(0).asServerToolUse().name());
            BashCodeExecutionResultBlock ran = message.content().get(1).asBashCodeExecutionToolResult().content()
                    .asBashCodeExecutionResultBlock();
            assertEquals("hello from bash\n", ran.stdout());
            return null;
        });
    }

    @Test
    void documentsWithCitationsAreCitedByCharactersOrPages() {
        DocumentBlockParam text = DocumentBlockParam.builder()
                .source(PlainTextSource.builder().data("The grass is green. The sky is blue.").build())
                .title("Facts").citations(CitationsConfigParam.builder().enabled(true).build()).build();
        bothWays(params("ignored").messages(List.of()).addUserMessageOfContentBlockParams(List.of(
                ContentBlockParam.ofDocument(text), ContentBlockParam.ofText("What colour is the grass?"))).build(),
                message -> {
                    TextBlock answer = message.content().get(0).asText();
                    assertEquals("Echo: What colour is the grass?", answer.text());
                    CitationCharLocation cited = answer.citations().orElseThrow().get(0).asCharLocation();
                    assertEquals("The grass is green.", cited.citedText());
                    assertEquals(0, cited.startCharIndex());
                    assertEquals(19, cited.endCharIndex());
                    assertEquals("Facts", cited.documentTitle().orElseThrow());
                    assertTrue(message.usage().serverToolUse().isEmpty(), "no server tool ran");
                    return null;
                });

        DocumentBlockParam pdf = DocumentBlockParam.builder()
                .source(Base64PdfSource.builder().data("JVBERi0xLjQK").build())
                .citations(CitationsConfigParam.builder().enabled(true).build()).build();
        bothWays(params("ignored").messages(List.of()).addUserMessageOfContentBlockParams(List.of(
                ContentBlockParam.ofDocument(pdf), ContentBlockParam.ofText("Summarise"))).build(), message -> {
                    CitationPageLocation page = message.content().get(0).asText().citations().orElseThrow().get(0)
                            .asPageLocation();
                    assertEquals(1, page.startPageNumber());
                    assertEquals(2, page.endPageNumber());
                    assertEquals(0, page.documentIndex());
                    return null;
                });
    }
}
