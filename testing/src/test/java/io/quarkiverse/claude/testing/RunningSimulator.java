package io.quarkiverse.claude.testing;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One simulator per test class, reset before each test, with an HTTP client and the official SDK for it. */
final class RunningSimulator implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final SimulatorOptions options;
    private ClaudeSimulator sim;
    private Http http;
    private AnthropicClient sdk;

    RunningSimulator() {
        this(SimulatorOptions.defaults());
    }

    RunningSimulator(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sim = ClaudeSimulator.start(options);
        http = new Http(sim);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sim.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sdk != null) {
            sdk.close();
        }
        sim.close();
    }

    ClaudeSimulator sim() {
        return sim;
    }

    Http http() {
        return http;
    }

    /** @return the official SDK pointed at the simulator, with its retries off so that each call is one request */
    AnthropicClient sdk() {
        if (sdk == null) {
            sdk = AnthropicOkHttpClient.builder().baseUrl(sim.baseUrl()).apiKey(ClaudeSimulator.DEFAULT_API_KEY)
                    .maxRetries(0).build();
        }
        return sdk;
    }
}
