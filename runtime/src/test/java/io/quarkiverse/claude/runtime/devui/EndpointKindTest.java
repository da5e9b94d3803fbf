package io.quarkiverse.claude.runtime.devui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the Configuration page of the card says a client talks to. */
class EndpointKindTest {

    private final ClaudeDevUiService withDevServices = new ClaudeDevUiService(null, null, null,
            new DevServicesSimulator(Optional.of("http://127.0.0.1:41000")));
    private final ClaudeDevUiService withoutDevServices = new ClaudeDevUiService(null, null, null,
            new DevServicesSimulator(Optional.empty()));

    @Test
    void theRealApi() {
        assertEquals("the real Claude API", withDevServices.endpointKind("https://api.anthropic.com"));
    }

    @Test
    void theDevServicesSimulatorIsTheOneAtItsUrl() {
        assertEquals("the Dev Services simulator", withDevServices.endpointKind("http://127.0.0.1:41000"));
        assertEquals("the Dev Services simulator", withDevServices.endpointKind("http://127.0.0.1:41000/"));
    }

    @Test
    void anotherLocalEndpointIsNotCalledTheDevServicesSimulator() {
        String other = "a local endpoint (not Dev Services: a simulator or proxy started apart)";
        assertEquals(other, withDevServices.endpointKind("http://127.0.0.1:8089"));
        assertEquals(other, withDevServices.endpointKind("http://localhost:41000"));
        assertEquals(other, withoutDevServices.endpointKind("http://127.0.0.1:41000"));
    }

    @Test
    void anythingElseIsACustomEndpoint() {
        assertEquals("a custom endpoint (proxy or gateway)", withDevServices.endpointKind("https://llm-gateway.corp:8443"));
    }
}
