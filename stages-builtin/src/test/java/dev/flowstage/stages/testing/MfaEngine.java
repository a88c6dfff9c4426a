package dev.flowstage.stages.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngineBuilder;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.core.InMemoryDeviceStore;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.DeviceStore;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.SecretSealer;
import dev.flowstage.spi.Stage;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.authenticator.AesGcmSecretSealer;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real engine with the built-in and authenticator stages, users alice (with a password) and bob,
 * an in-memory device store, a sealer, a recording mailer, an attempt limiter and a clock the test moves. Records
 * every challenge as protocol JSON; {@link #flush} saves them for the conformance checker.
 */
public final class MfaEngine implements AutoCloseable {
    /** The authenticator stage types (to add to {@code BuiltinStages.all()} once registered there). */
    public static final List<Stage<?>> AUTHENTICATOR_STAGES = List.of(new AuthenticatorTotpStage(),
            new AuthenticatorStaticStage(), new AuthenticatorWebAuthnStage(), new AuthenticatorEmailStage(),
            new AuthenticatorValidateStage());

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:06:07Z"));
    public final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    public final RecordingMailer mailer = new RecordingMailer();
    public final SecretSealer sealer = new AesGcmSecretSealer(new byte[32], Fixtures.seededRandom(11));
    public final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter();
    public final InMemoryUserDirectory users = new InMemoryUserDirectory().put(Fixtures.alice()).put(Fixtures.bob());
    public final FlowEngine engine;
    private static final List<String> RECORDED = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private final Map<ExecutionId, RequestInfo> requests = new java.util.concurrent.ConcurrentHashMap<>();

    /** Builds an engine serving {@code flows}. */
    public MfaEngine(FlowDefinition... flows) {
        FlowEngineBuilder builder = FlowEngines.builder().clock(clock).random(Fixtures.seededRandom(17)).users(users)
                .stages(BuiltinStages.all()).stages(AUTHENTICATOR_STAGES)
                .service(PasswordHasher.class, Fixtures.HASHER).service(DeviceStore.class, devices)
                .service(SecretSealer.class, sealer).service(Mailer.class, mailer)
                .service(AttemptLimiter.class, limiter);
        for (FlowDefinition flow : flows) {
            builder.flow(flow);
        }
        engine = builder.build();
    }

    /** Starts {@code slug} anonymously. */
    public FlowResult start(String slug) {
        return start(slug, RequestInfo.anonymous());
    }

    /** Starts {@code slug} as the signed-in user {@code userId}. */
    public FlowResult startAs(String slug, String userId) {
        return start(slug, RequestInfo.anonymous().withAuthenticatedUser(userId));
    }

    /** Starts {@code slug} for {@code request}; later submits to the execution come from the same requester. */
    public FlowResult start(String slug, RequestInfo request) {
        FlowResult result = engine.start(slug, request);
        requests.put(result.executionId(), request);
        return record(result);
    }

    /** Submits {@code data} to the execution of {@code pending}. */
    public FlowResult submit(FlowResult pending, Map<String, ?> data) {
        assertThat(pending).as("submitting to a finished execution").isInstanceOf(FlowResult.Pending.class);
        RequestInfo request = requests.getOrDefault(pending.executionId(), RequestInfo.anonymous());
        return record(engine.submit(pending.executionId(), ChallengeResponse.of(data), request));
    }

    /** Returns the current state of the execution of {@code result}. */
    public FlowResult current(FlowResult result) {
        return record(engine.current(result.executionId()));
    }

    /** Starts the two-factor flow {@code slug} and answers identification and password as alice. */
    public FlowResult signInAlice(String slug) {
        FlowResult identification = start(slug);
        expect(identification, "ak-stage-identification");
        FlowResult password = submit(identification, Map.of("uid_field", "alice"));
        expect(password, "ak-stage-password");
        return submit(password, Map.of("password", Fixtures.ALICE_PASSWORD));
    }

    /** Asserts {@code result} is pending with a challenge of {@code component} and returns the challenge. */
    public static Challenge expect(FlowResult result, String component) {
        assertThat(result).as("result %s", result.challenge().fields()).isInstanceOf(FlowResult.Pending.class);
        assertThat(result.challenge().component()).isEqualTo(component);
        return result.challenge();
    }

    /**
     * Writes the challenges every engine recorded since the last flush to {@code fileName} (JSON lines)
     * in the {@code flowstage.transcripts} folder, if that is set, for {@code ../shared/conformance/check}.
     */
    public static void flush(String fileName) {
        List<String> lines;
        synchronized (RECORDED) {
            lines = List.copyOf(RECORDED);
            RECORDED.clear();
        }
        String folder = System.getProperty("flowstage.transcripts");
        if (folder == null || folder.isBlank() || lines.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of(folder).resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the challenges recorded so far, as protocol JSON. */
    public List<String> transcript() {
        return List.copyOf(transcript);
    }

    @Override
    public void close() {
        engine.close();
    }

    private FlowResult record(FlowResult result) {
        String json = engine.toJson(result);
        transcript.add(json);
        synchronized (RECORDED) {
            RECORDED.add(json);
        }
        return result;
    }
}
