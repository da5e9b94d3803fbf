package io.quarkiverse.claude.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.claude.model.stream.StreamEvent;
import io.quarkiverse.claude.runtime.json.WireJson;

/**
 * Server tool blocks, their results and errors, citations and {@code usage.server_tool_use}: read from the API's JSON
 * (as the platform docs and the official SDK's model classes have it) into their types, and written back field for
 * field, unknown fields included.
 */
class ServerToolsJsonTest {

    private final ObjectMapper json = WireJson.MAPPER;

    private static final String ANSWER = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-6",
             "content":[
               {"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{"query":"quarkus 3.33"},
                "caller":{"type":"direct"}},
               {"type":"web_search_tool_result","tool_use_id":"srvtoolu_1","content":[
                 {"type":"web_search_result","url":"https://quarkus.io/blog/","title":"Quarkus blog",
                  "encrypted_content":"EqgfCioIARgB","page_age":"2 days ago","sim_future":1},
                 {"type":"web_search_result","url":"https://quarkus.io/guides/","title":"Guides","encrypted_content":"Eq2",
                  "page_age":null}]},
               {"type":"text","text":"Quarkus 3.33 is out.","citations":[
                 {"type":"web_search_result_location","cited_text":"Quarkus 3.33 released","url":"https://quarkus.io/blog/",
                  "title":"Quarkus blog","encrypted_index":"Eo8BCioIAhgB"}]},
               {"type":"web_search_tool_result","tool_use_id":"srvtoolu_2","content":
                 {"type":"web_search_tool_result_error","error_code":"max_uses_exceeded"}},
               {"type":"server_tool_use","id":"srvtoolu_3","name":"web_fetch","input":{"url":"https://quarkus.io/"}},
               {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_3","content":{"type":"web_fetch_result",
                 "url":"https://quarkus.io/","retrieved_at":"2026-11-30T05:00:00Z","content":{"type":"document",
                 "source":{"type":"text","media_type":"text/plain","data":"Supersonic Subatomic Java"},
                 "title":"Quarkus","citations":{"enabled":true}}}},
               {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_4","content":
                 {"type":"web_fetch_tool_result_error","error_code":"url_not_accessible"}},
               {"type":"code_execution_tool_result","tool_use_id":"srvtoolu_5","content":{"type":"code_execution_result",
                 "stdout":"4\\n","stderr":"","return_code":0,"content":[{"type":"code_execution_output","file_id":"file_1"}]}},
               {"type":"code_execution_tool_result","tool_use_id":"srvtoolu_6","content":{"type":"encrypted_code_execution_result",
                 "encrypted_stdout":"EncX","stderr":"","return_code":0,"content":[]}},
               {"type":"code_execution_tool_result","tool_use_id":"srvtoolu_7","content":
                 {"type":"code_execution_tool_result_error","error_code":"execution_time_exceeded"}},
               {"type":"bash_code_execution_tool_result","tool_use_id":"srvtoolu_8","content":{"type":"bash_code_execution_result",
                 "stdout":"hello\\n","stderr":"","return_code":0,"content":[{"type":"bash_code_execution_output","file_id":"file_2"}]}},
               {"type":"bash_code_execution_tool_result","tool_use_id":"srvtoolu_9","content":
                 {"type":"bash_code_execution_tool_result_error","error_code":"output_file_too_large"}},
               {"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_10","content":
                 {"type":"text_editor_code_execution_view_result","content":"a\\nb","file_type":"text","num_lines":2,
                  "start_line":1,"total_lines":2}},
               {"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_11","content":
                 {"type":"text_editor_code_execution_create_result","is_file_update":false}},
               {"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_12","content":
                 {"type":"text_editor_code_execution_str_replace_result","lines":["-a","+b"],"new_lines":1,"new_start":1,
                  "old_lines":1,"old_start":1}},
               {"type":"text_editor_code_execution_tool_result","tool_use_id":"srvtoolu_13","content":
                 {"type":"text_editor_code_execution_tool_result_error","error_code":"file_not_found","error_message":"no x.py"}},
               {"type":"web_search_tool_result","tool_use_id":"srvtoolu_14","content":{"type":"sim_future_result","x":1}}
             ],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":12,"output_tokens":7,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                      "server_tool_use":{"web_search_requests":2,"web_fetch_requests":1,"sim_future_requests":3}}}
            """;

    @Test
    void eachServerBlockReadsAsItsTypeAndIsWrittenBackFieldForField() throws Exception {
        Message message = json.readValue(ANSWER, Message.class);
        List<ContentBlock> c = message.content();

        ServerToolUseBlock search = assertInstanceOf(ServerToolUseBlock.class, c.get(0));
        assertEquals("srvtoolu_1", search.id());
        assertEquals(ServerToolUseBlock.WEB_SEARCH, search.name());
        assertEquals("quarkus 3.33", search.input().get("query").asText());
        assertTrue(search.extraFields().containsKey("caller"), "fields not typed are kept");

        WebSearchToolResultBlock found = assertInstanceOf(WebSearchToolResultBlock.class, c.get(1));
        assertEquals("srvtoolu_1", found.toolUseId());
        assertFalse(found.isError());
        assertNull(found.error());
        assertEquals(2, found.results().size());
        WebSearchResult first = found.results().get(0);
        assertEquals("https://quarkus.io/blog/", first.url());
        assertEquals("Quarkus blog", first.title());
        assertEquals("EqgfCioIARgB", first.encryptedContent());
        assertEquals("2 days ago", first.pageAge());
        assertEquals(1, first.extraFields().get("sim_future"));

        WebSearchToolResultBlock searchFailed = assertInstanceOf(WebSearchToolResultBlock.class, c.get(3));
        assertTrue(searchFailed.isError());
        assertEquals("max_uses_exceeded", searchFailed.error().errorCode());
        assertEquals("web_search_tool_result_error", searchFailed.error().type());
        assertEquals(List.of(), searchFailed.results());

        WebFetchToolResultBlock fetched = assertInstanceOf(WebFetchToolResultBlock.class, c.get(5));
        assertEquals("https://quarkus.io/", fetched.result().url());
        assertEquals("2026-11-30T05:00:00Z", fetched.result().retrievedAt());
        assertEquals("Supersonic Subatomic Java", fetched.result().document().source().data());
        assertTrue(fetched.result().document().citations());
        WebFetchToolResultBlock fetchFailed = assertInstanceOf(WebFetchToolResultBlock.class, c.get(6));
        assertEquals("url_not_accessible", fetchFailed.error().errorCode());
        assertNull(fetchFailed.result());

        CodeExecutionToolResultBlock ran = assertInstanceOf(CodeExecutionToolResultBlock.class, c.get(7));
        assertEquals("4\n", ran.result().stdout());
        assertEquals(0, ran.result().returnCode());
        assertEquals("file_1", ran.result().outputs().get(0).fileId());
        CodeExecutionToolResultBlock encrypted = assertInstanceOf(CodeExecutionToolResultBlock.class, c.get(8));
        assertEquals("encrypted_code_execution_result", encrypted.result().type());
        assertEquals("EncX", encrypted.result().encryptedStdout());
        assertEquals("execution_time_exceeded",
                assertInstanceOf(CodeExecutionToolResultBlock.class, c.get(9)).error().errorCode());

        BashCodeExecutionToolResultBlock bash = assertInstanceOf(BashCodeExecutionToolResultBlock.class, c.get(10));
        assertEquals("hello\n", bash.result().stdout());
        assertEquals("bash_code_execution_output", bash.result().outputs().get(0).type());
        assertEquals("output_file_too_large",
                assertInstanceOf(BashCodeExecutionToolResultBlock.class, c.get(11)).error().errorCode());

        TextEditorResult view = assertInstanceOf(TextEditorCodeExecutionToolResultBlock.class, c.get(12)).result();
        assertEquals("a\nb", view.content());
        assertEquals(2, view.totalLines());
        assertEquals(Boolean.FALSE,
                assertInstanceOf(TextEditorCodeExecutionToolResultBlock.class, c.get(13)).result().isFileUpdate());
        assertEquals(List.of("-a", "+b"),
                assertInstanceOf(TextEditorCodeExecutionToolResultBlock.class, c.get(14)).result().lines());
        ServerToolError editorError = assertInstanceOf(TextEditorCodeExecutionToolResultBlock.class, c.get(15)).error();
        assertEquals("file_not_found", editorError.errorCode());
        assertEquals("no x.py", editorError.errorMessage());

        WebSearchToolResultBlock future = assertInstanceOf(WebSearchToolResultBlock.class, c.get(16));
        assertFalse(future.isError(), "a content form this version does not know is neither a result nor an error");
        assertEquals(List.of(), future.results());

        ServerToolUsage usage = message.usage().serverToolUse();
        assertEquals(2, usage.webSearchRequests());
        assertEquals(1, usage.webFetchRequests());
        assertEquals(3, usage.extraFields().get("sim_future_requests"));

        assertEquals(json.readTree(ANSWER).at("/content"), json.valueToTree(message).at("/content"),
                "every block is written back as it came");
        assertEquals(json.readTree(ANSWER).at("/usage/server_tool_use"), json.readTree(json.writeValueAsString(message.usage())).get("server_tool_use"));
        assertFalse(json.valueToTree(message).at("/content/1").has("error"), "isError() is not a field");
    }

    private static final String CITATIONS = """
            [
             {"type":"char_location","cited_text":"The grass is green.","document_index":0,"document_title":"Facts",
              "start_char_index":0,"end_char_index":20,"file_id":null},
             {"type":"page_location","cited_text":"Page two.","document_index":1,"document_title":"Report",
              "start_page_number":2,"end_page_number":3},
             {"type":"content_block_location","cited_text":"Block.","document_index":2,"document_title":null,
              "start_block_index":0,"end_block_index":1,"file_id":"file_9"},
             {"type":"search_result_location","cited_text":"Found.","search_result_index":0,"source":"https://kb/1",
              "title":"KB","start_block_index":0,"end_block_index":2},
             {"type":"web_search_result_location","cited_text":"Web.","url":"https://w/","title":"W","encrypted_index":"Eo"},
             {"type":"sim_future_location","cited_text":"Future.","where":{"a":1}}
            ]""";

    @Test
    void eachCitationLocationReadsAsItsTypeAndIsWrittenBack() throws Exception {
        TextBlock text = json.readValue("{\"type\":\"text\",\"text\":\"x\",\"citations\":" + CITATIONS + "}", TextBlock.class);
        List<Citation> c = text.citations();

        Citation.CharLocation chars = assertInstanceOf(Citation.CharLocation.class, c.get(0));
        assertEquals("The grass is green.", chars.citedText());
        assertEquals(0, chars.documentIndex());
        assertEquals("Facts", chars.documentTitle());
        assertEquals(0, chars.startCharIndex());
        assertEquals(20, chars.endCharIndex());
        Citation.PageLocation pages = assertInstanceOf(Citation.PageLocation.class, c.get(1));
        assertEquals(2, pages.startPageNumber());
        assertEquals(3, pages.endPageNumber());
        Citation.ContentBlockLocation blocks = assertInstanceOf(Citation.ContentBlockLocation.class, c.get(2));
        assertEquals(1, blocks.endBlockIndex());
        assertEquals("file_9", blocks.fileId());
        Citation.SearchResultLocation search = assertInstanceOf(Citation.SearchResultLocation.class, c.get(3));
        assertEquals("https://kb/1", search.source());
        assertEquals(0, search.searchResultIndex());
        assertEquals(2, search.endBlockIndex());
        Citation.WebSearchResultLocation web = assertInstanceOf(Citation.WebSearchResultLocation.class, c.get(4));
        assertEquals("https://w/", web.url());
        assertEquals("Eo", web.encryptedIndex());
        Citation.Unknown future = assertInstanceOf(Citation.Unknown.class, c.get(5));
        assertEquals("sim_future_location", future.type());
        assertEquals("Future.", future.citedText());

        // The API sends nulls for absent document titles and file ids; written back, they are left out (the same
        // request to the API).
        JsonNode expected = json.readTree(CITATIONS);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get(0)).remove("file_id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.get(2)).remove("document_title");
        assertEquals(expected, json.valueToTree(text).get("citations"));
    }

    @Test
    void aTextBlockWithoutCitationsHasNone() throws Exception {
        assertEquals(List.of(), json.readValue("{\"type\":\"text\",\"text\":\"x\",\"citations\":null}", TextBlock.class)
                .citations());
        assertFalse(json.valueToTree(new TextBlock("x")).has("citations"));
    }

    @Test
    void aStreamBuildsServerBlocksCitationsAndUsage() throws Exception {
        String[] events = {
                """
                        {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m",
                         "content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}""",
                """
                        {"type":"content_block_start","index":0,"content_block":{"type":"server_tool_use","id":"srvtoolu_1",
                         "name":"web_search","input":{}}}""",
                """
                        {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"query\\": \\"qua"}}""",
                """
                        {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"rkus\\"}"}}""",
                """
                        {"type":"content_block_stop","index":0}""",
                """
                        {"type":"content_block_start","index":1,"content_block":{"type":"web_search_tool_result",
                         "tool_use_id":"srvtoolu_1","content":[{"type":"web_search_result","url":"https://quarkus.io/",
                         "title":"Quarkus","encrypted_content":"E1","page_age":null}]}}""",
                """
                        {"type":"content_block_stop","index":1}""",
                """
                        {"type":"content_block_start","index":2,"content_block":{"type":"text","text":"","citations":[]}}""",
                """
                        {"type":"content_block_delta","index":2,"delta":{"type":"citations_delta","citation":{
                         "type":"web_search_result_location","cited_text":"Supersonic","url":"https://quarkus.io/",
                         "title":"Quarkus","encrypted_index":"Eo"}}}""",
                """
                        {"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"Quarkus is fast."}}""",
                """
                        {"type":"content_block_stop","index":2}""",
                """
                        {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},
                         "usage":{"output_tokens":9,"server_tool_use":{"web_search_requests":1,"web_fetch_requests":0}}}""",
                """
                        {"type":"message_stop"}"""
        };
        MessageAccumulator accumulator = new MessageAccumulator();
        for (String event : events) {
            accumulator.accept(json.readValue(event, StreamEvent.class));
        }

        Message message = accumulator.message();
        assertTrue(accumulator.isComplete());
        ServerToolUseBlock use = assertInstanceOf(ServerToolUseBlock.class, message.content().get(0));
        assertEquals("quarkus", use.input().get("query").asText());
        assertEquals("https://quarkus.io/",
                assertInstanceOf(WebSearchToolResultBlock.class, message.content().get(1)).results().get(0).url());
        TextBlock text = assertInstanceOf(TextBlock.class, message.content().get(2));
        assertEquals("Quarkus is fast.", text.text());
        assertEquals("Eo", assertInstanceOf(Citation.WebSearchResultLocation.class, text.citations().get(0)).encryptedIndex());
        assertEquals(1, message.usage().serverToolUse().webSearchRequests());
        assertEquals(9, message.usage().outputTokens());
        assertEquals(5, message.usage().inputTokens());
    }

    @Test
    void serverToolsGoOnTheWireAsTheApiNamesThem() throws Exception {
        MessageRequest request = MessageRequest.builder()
                .addUserMessage("What's new?")
                .tools(List.of(Tool.of("get_weather", "Weather", json.createObjectNode().put("type", "object"))))
                .addTool(ServerTool.webSearch().withMaxUses(3).withAllowedDomains(List.of("quarkus.io"))
                        .withUserLocation(UserLocation.approximate("Lyon", null, "FR", "Europe/Paris")))
                .addTool(ServerTool.webFetch().withBlockedDomains(List.of("example.com")).withCitations()
                        .withMaxContentTokens(5000).withCacheControl(CacheControl.ephemeral()))
                .addTool(ServerTool.of(ServerTool.CODE_EXECUTION_20250522))
                .serviceTier("auto")
                .container("container_1")
                .inferenceGeo("us")
                .cacheControl(CacheControl.ephemeral("1h"))
                .build();

        JsonNode body = json.valueToTree(request);

        assertEquals(json.readTree("""
                [{"name":"get_weather","description":"Weather","input_schema":{"type":"object"}},
                 {"type":"web_search_20250305","name":"web_search","max_uses":3,"allowed_domains":["quarkus.io"],
                  "user_location":{"type":"approximate","city":"Lyon","country":"FR","timezone":"Europe/Paris"}},
                 {"type":"web_fetch_20250910","name":"web_fetch","blocked_domains":["example.com"],
                  "citations":{"enabled":true},"max_content_tokens":5000,"cache_control":{"type":"ephemeral"}},
                 {"type":"code_execution_20250522","name":"code_execution"}]"""), body.get("tools"));
        assertEquals("container_1", body.get("container").asText());
        assertEquals("us", body.get("inference_geo").asText());
        assertEquals("1h", body.at("/cache_control/ttl").asText());
        assertEquals("auto", body.get("service_tier").asText());

        MessageRequest read = json.readValue(body.toString(), MessageRequest.class);
        assertEquals(1, read.tools().size(), "tools() keeps its meaning: the application's tools");
        assertEquals(List.of("web_search", "web_fetch", "code_execution"),
                read.serverTools().stream().map(ServerTool::name).toList());
        assertEquals(3, read.serverTools().get(0).maxUses());
        assertEquals("Lyon", read.serverTools().get(0).userLocation().city());
        assertTrue(read.serverTools().get(1).citations());
        assertEquals("container_1", read.container());
        assertEquals("us", read.inferenceGeo());
        assertEquals("1h", read.cacheControl().ttl());
        assertEquals(body, json.valueToTree(read), "read back and written again, the same body");
    }

    @Test
    void toolsOfOtherTypesReadAsToolsWithTheirFieldsKept() throws Exception {
        String memory = "{\"type\":\"memory_20250818\",\"name\":\"memory\"}";
        MessageRequest read = json.readValue("{\"messages\":[],\"tools\":[" + memory + "]}", MessageRequest.class);

        assertEquals("memory", read.tools().get(0).name());
        assertEquals(json.readTree(memory), json.valueToTree(read).at("/tools/0"));
    }

    @Test
    void aDocumentWithCitationsSaysSo() {
        JsonNode document = json.valueToTree(new DocumentBlock(ContentSource.text("The grass is green."), "Facts", null)
                .withCitations());

        assertTrue(document.at("/citations/enabled").asBoolean(), document.toString());
        assertEquals("Facts", document.get("title").asText());
    }

    @Test
    void misusedServerToolFieldsAreRefusedWithTheFix() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> ServerTool.webSearch().withAllowedDomains(List.of("a.com")).withBlockedDomains(List.of("b.com")));
        assertEquals("web_search_20250305 takes allowed_domains or blocked_domains, not both: remove allowed_domains",
                both.getMessage());
        assertEquals("allowed_domains is a field of web search and web fetch, not of code_execution_20250825",
                assertThrows(IllegalArgumentException.class,
                        () -> ServerTool.codeExecution().withAllowedDomains(List.of("a.com"))).getMessage());
        assertEquals("citations is a field of web_fetch, not of web_search_20250305",
                assertThrows(IllegalArgumentException.class, () -> ServerTool.webSearch().withCitations()).getMessage());
        assertEquals("max_uses of web_fetch_20250910 must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> ServerTool.webFetch().withMaxUses(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerTool.of("memory_20250818")).getMessage()
                .startsWith("ServerTool type \"memory_20250818\" is not a version of web search, web fetch or code execution"));
    }
}
