package dev.flowstage.jdbc;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.testkit.TestClock;
import dev.flowstage.testkit.TestMailbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first half of a journey in a JVM of its own, so that a test can continue it after a real
 * restart: starts the sign-in flow on the H2 file in {@code args[0]}, identifies {@code args[2]},
 * prints the execution id and exits.
 */
final class RestartedHost {
    private RestartedHost() {}

    public static void main(String[] args) {
        try (JdbcStores stores = JdbcStores.h2FileBuilder(Path.of(args[0])).clock(new TestClock()).build();
                FlowEngine engine = EngineRestartTest.engine(stores, new TestClock(), new TestMailbox())) {
            if (!args[1].equals("identify")) {
                throw new IllegalArgumentException("unknown step " + args[1]);
            }
            ExecutionId id = engine.start(EngineRestartTest.SIGN_IN, RequestInfo.anonymous()).executionId();
            String component = EngineRestartTest.submit(engine, id, "{\"uid_field\":\"" + args[2] + "\"}").challenge()
                    .component();
            if (!component.equals("ak-stage-password")) {
                throw new IllegalStateException("expected the password stage, got " + component);
            }
            System.out.println(id.value());
        }
    }

    /** Runs {@link #main} in a new JVM on this test's classpath; returns what it printed. */
    static String run(Path dataDir, String step, String identifier) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                RestartedHost.class.getName(), dataDir.toString(), step, identifier))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the first host did not exit; it printed: " + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the first host exited with " + process.exitValue() + "; it printed: " + output);
        }
        return output;
    }

}
