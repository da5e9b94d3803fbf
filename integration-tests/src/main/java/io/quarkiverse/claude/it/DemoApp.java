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
import io.quarkiverse.claude.testing.Scenario;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The demo's run: one question and its answer; against the simulator, what the typed errors look like; then the main
 * job, a batch of prompts and the table of what happened per error class ({@link DemoRun}).
 */
public class DemoApp implements QuarkusApplication {

    @Inject
    ClaudeClient claude;

    @Inject
    DemoRun demo;

    @Override
    public int run(String... args) {
        PrintStream out = System.out;
        DemoArgs options;
        try {
            options = DemoArgs.parse(args);
            if (options.scenario() != null) {
                Scenario.parse(options.scenario()); // fail before anything is sent
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(DemoArgs.USAGE);
            return 0;
        }
        int status;
        try (RetryLogQuieted quiet = RetryLogQuieted.now()) {
            status = runOnConsole(options, out);
        }
        if (status == 0 && options.serve()) {
            serve(out);
        }
        return status;
    }

    /** The console run: the progress lines and the table say what each call went through, so the retry log is off. */
    private int runOnConsole(DemoArgs options, PrintStream out) {
        ClaudeSimulator simulator = DemoMain.simulator();
        out.println(simulator == null ? "quarkus-claude demo: using the real Claude API (ANTHROPIC_API_KEY is set)"
                : "quarkus-claude demo: no ANTHROPIC_API_KEY, so using the bundled Claude simulator at "
                        + simulator.baseUrl() + " (export ANTHROPIC_API_KEY=sk-ant-... to use the real API)");
        String prompt = options.prompt() != null ? options.prompt() : "Say hello to the Quarkus community in one sentence.";
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
        if (simulator != null || !options.serve()) {
            try {
                runBatch(options, simulator, out);
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
                return 2;
            }
        }
        return 0;
    }

    private static void serve(PrintStream out) {
        out.printf("%nServing until stopped: GET /chat?prompt=..., GET /demo/report (JSON), GET /demo/report.txt,"
                + " POST /demo/run?scenario=flaky&calls=24%n");
        Quarkus.waitForExit();
    }

    private void runBatch(DemoArgs options, ClaudeSimulator simulator, PrintStream out) {
        out.printf("%nThe main job: a batch of prompts through the \"%s\" client, %s. One line per call as it ends:%n",
                DemoRun.CLIENT, simulator == null ? "against the real API"
                        : "against the simulator under a fault scenario (--scenario=normal|rate-limited|overloaded|flaky|slow)");
        DemoReport report = demo.run(options.scenario(), options.calls(), line -> out.println("  " + line));
        out.printf("%nWhat happened, per outcome:%n%n");
        out.print(ReportText.render(report));
        out.println("(waited: the waits before retries, the server's retry-after honoured for 429s, backoff with jitter"
                + " otherwise; failed with: the typed exception the caller got)");
    }

    /** Scripted faults, to show what a caller catches for each. */
    private void showTypedErrors(ClaudeSimulator simulator, PrintStream out) {
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
                        e.getClass().getSimpleName(), e.status(), java.util.Objects.requireNonNullElse(e.errorType(), "-"), e.isRetryable(),
                        e.retryAfter().map(Object::toString).orElse("-"), e.requestId().orElse("-"),
                        e.isSpendLimitReached() ? " (monthly spend limit)" : "");
            } catch (ClaudeApiException e) {
                out.printf("  %-24s status=%d type=%s retryable=%s retry-after=%s request-id=%s%n",
                        e.getClass().getSimpleName(), e.status(), java.util.Objects.requireNonNullElse(e.errorType(), "-"), e.isRetryable(),
                        e.retryAfter().map(Object::toString).orElse("-"), e.requestId().orElse("-"));
            }
        }
    }
}
