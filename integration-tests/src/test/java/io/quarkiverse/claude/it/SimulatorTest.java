package io.quarkiverse.claude.it;

import org.junit.jupiter.api.BeforeEach;

import io.quarkiverse.claude.testing.ClaudeSimulator;
import io.quarkiverse.claude.testing.ClaudeSimulatorTestResource;
import io.quarkiverse.claude.testing.InjectClaudeSimulator;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Base of the suites that talk to the simulator: it is started once by the test resource, and each test starts from a
 * clean script, an empty request log and the default scenario.
 */
@QuarkusTestResource(ClaudeSimulatorTestResource.class)
abstract class SimulatorTest {

    @InjectClaudeSimulator
    ClaudeSimulator simulator;

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }
}
