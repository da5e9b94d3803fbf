package io.quarkiverse.claude.it;

import java.io.PrintStream;

import jakarta.inject.Inject;

import io.quarkiverse.claude.ClaudeClient;
import io.quarkiverse.claude.errors.ClaudeApiException;
import io.quarkiverse.claude.errors.ClaudeException;
import io.quarkiverse.claude.errors.RateLimitException;
import io.quarkiverse.claude.model.Message;
import io.quarkiverse.claude.model.MessageRequest;
import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.Fault;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** The demo's run: one question, its answer, and (against the simulator) what the typed errors look like. */
public class DemoApp implements QuarkusApplication {

    @Inject
    ClaudeClient claude;

    @Override
    public int run(String... args) {
        PrintStream out = System.out;
        ClaudeSimulator simulator = DemoMain.simulator();
        out.println(simulator == null ? "quarkus-claude demo: using the real Claude API (ANTHROPIC_API_KEY is set)"
                : "quarkus-claude demo: no ANTHROPIC_API_KEY, so using the bundled Claude simulator at "
                        + simulator.baseUrl() + " (export ANTHROPIC_API_KEY=sk-ant-... to use the real API)");
        if (args.length > 0 && args[0].equals("--serve")) {
            out.println("Serving GET /chat?prompt=... until stopped");
            Quarkus.waitForExit();
            return 0;
        }
        String prompt = args.length > 0 ? String.join(" ", args) : "Say hello to the Quarkus community in one sentence.";
        try {
            Message answer = claude.messages().create(MessageRequest.of(prompt));
            out.printf("%nQ: %s%nA: %s%n   model=%s stop=%s tokens in/out=%d/%d id=%s%n", prompt, answer.text(),
                    answer.model(), answer.stopReason(), answer.usage().inputTokens(), answer.usage().outputTokens(),
                    answer.id());
        } catch (ClaudeException e) {
            out.println("Claude failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
        if (simulator != null) {
            showTypedErrors(simulator, out);
        }
        return 0;
    }

    /** Scripted faults, to show what a caller catches for each. */
    private void showTypedErrors(ClaudeSimulator simulator, PrintStream out) {
        out.printf("%nA rate-limited call is retried after the server's retry-after (scripted in the simulator):%n");
        simulator.enqueue(Fault.rateLimited().retryAfterMillis(300), Fault.overloaded());
        int before = simulator.requests("/v1/messages").size();
        long start = System.nanoTime();
        String answer = claude.ask("This call meets a 429, then a 529.");
        out.printf("  answer after %d ms and %d attempts: %s%n", (System.nanoTime() - start) / 1_000_000,
                simulator.requests("/v1/messages").size() - before, answer);

        out.printf("%nWhat the typed errors carry (scripted in the simulator, with x-should-retry: false so that the "
                + "client does not retry them):%n");
        Fault[] faults = { Fault.rateLimited().retryAfterSeconds(2), Fault.overloaded(), Fault.spendLimitReached(),
                Fault.error(401, "authentication_error", "invalid x-api-key"),
                Fault.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>") };
        for (Fault fault : faults) {
            simulator.enqueue(fault.header("x-should-retry", "false"));
            try {
                claude.ask("This call meets a scripted fault.");
                out.println("  (no error?)");
            } catch (RateLimitException e) {
                out.printf("  %-24s status=%d type=%s retryable=%s retry-after=%s request-id=%s%s%n",
                        e.getClass().getSimpleName(), e.status(), e.errorType(), e.isRetryable(),
                        e.retryAfter().map(Object::toString).orElse("-"), e.requestId().orElse("-"),
                        e.isSpendLimitReached() ? " (monthly spend limit)" : "");
            } catch (ClaudeApiException e) {
                out.printf("  %-24s status=%d type=%s retryable=%s retry-after=%s request-id=%s%n",
                        e.getClass().getSimpleName(), e.status(), e.errorType(), e.isRetryable(),
                        e.retryAfter().map(Object::toString).orElse("-"), e.requestId().orElse("-"));
            }
        }
    }
}
