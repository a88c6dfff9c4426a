package dev.flowstage.testkit;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngineBuilder;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.core.InMemoryExecutionStore;
import dev.flowstage.core.InMemoryInvitationStore;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.InvitationStore;
import dev.flowstage.spi.Mailer;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory engine for tests: the built-in stages, a {@link TestClock}, {@link TestUsers}
 * hashed with a cheap Argon2id, a {@link TestMailbox}, an in-memory invitation store, an
 * {@link InMemoryAttemptLimiter} (so that lockouts across executions are tested as a host would
 * run them; it reads the {@link TestClock} through the engine, so {@code clock().advance(..)} ends
 * a lockout), a seeded random source, and the events it published. Build one per
 * test (the JUnit extension {@link FlowstageExtension} does) or per property try; close it after.
 */
public final class FlowKit implements AutoCloseable {
    private final FlowEngine engine;
    private final TestClock clock;
    private final TestUsers users;
    private final InMemoryExecutionStore executions;
    private final InMemoryInvitationStore invitations;
    private final TestMailbox mailbox;
    private final AttemptLimiter attemptLimiter;
    private final List<FlowEvent> events;
    private final String name;

    private FlowKit(Builder builder) {
        this.clock = new TestClock();
        this.users = new TestUsers(builder.hasher);
        this.executions = new InMemoryExecutionStore();
        this.invitations = new InMemoryInvitationStore();
        this.mailbox = new TestMailbox();
        this.attemptLimiter = builder.attemptLimiter != null ? builder.attemptLimiter : new InMemoryAttemptLimiter();
        this.events = new CopyOnWriteArrayList<>();
        this.name = builder.name;
        builder.users.forEach(setup -> setup.accept(users));
        FlowEngineBuilder engineBuilder = FlowEngines.builder().clock(clock).random(seeded()).users(users)
                .executionStore(executions).listener(events::add).stages(BuiltinStages.all())
                .service(PasswordHasher.class, builder.hasher)
                .service(InvitationStore.class, invitations)
                .service(Mailer.class, mailbox)
                .service(AttemptLimiter.class, attemptLimiter);
        builder.flows.forEach(engineBuilder::flow);
        builder.customizers.forEach(customizer -> customizer.accept(engineBuilder));
        this.engine = engineBuilder.build();
    }

    /** Returns a builder; not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a scenario of flow {@code slug} for an anonymous request. */
    public Scenario start(String slug) {
        return start(slug, RequestInfo.anonymous());
    }

    /** Starts a scenario of flow {@code slug} for {@code request}. */
    public Scenario start(String slug, RequestInfo request) {
        return new Scenario(engine, users, Transcript.named(name), request, slug);
    }

    /** Returns the engine. */
    public FlowEngine engine() {
        return engine;
    }

    /** Returns the clock the engine reads. */
    public TestClock clock() {
        return clock;
    }

    /** Returns the users the engine sees. */
    public TestUsers users() {
        return users;
    }

    /** Returns the execution store. */
    public InMemoryExecutionStore executions() {
        return executions;
    }

    /** Returns the invitation store the engine's stages use. */
    public InMemoryInvitationStore invitations() {
        return invitations;
    }

    /** Returns the mailbox that receives every mail the engine sends (unless a test registers its own mailer). */
    public TestMailbox mailbox() {
        return mailbox;
    }

    /** Returns the attempt limiter the engine's stages consult (default: a fresh {@link InMemoryAttemptLimiter}). */
    public AttemptLimiter attemptLimiter() {
        return attemptLimiter;
    }

    /** Returns the events published so far, in order. */
    public List<FlowEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        engine.close();
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(42L);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is not available", e);
        }
    }

    /** Builds a {@link FlowKit}; not thread-safe. */
    public static final class Builder {
        private final List<FlowDefinition> flows = new ArrayList<>();
        private final List<Consumer<FlowEngineBuilder>> customizers = new ArrayList<>();
        private final List<Consumer<TestUsers>> users = new ArrayList<>();
        private PasswordHasher hasher = new Argon2idHasher(Argon2idHasher.Parameters.forTests(), new SecureRandom());
        private AttemptLimiter attemptLimiter;
        private String name = "flowkit";

        private Builder() {}

        /** Adds a flow. */
        public Builder flow(FlowDefinition flow) {
            flows.add(Objects.requireNonNull(flow, "flow"));
            return this;
        }

        /** Adds a user with {@code password} before the engine starts. */
        public Builder user(String username, String password) {
            users.add(directory -> directory.add(username, password));
            return this;
        }

        /** Lets {@code setup} add users before the engine starts. */
        public Builder users(Consumer<TestUsers> setup) {
            users.add(Objects.requireNonNull(setup, "setup"));
            return this;
        }

        /** Lets {@code customizer} adjust the engine builder (custom stages, services, listeners). */
        public Builder configure(Consumer<FlowEngineBuilder> customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /** Sets the password hasher (default: Argon2id with cheap test parameters). */
        public Builder hasher(PasswordHasher hasher) {
            this.hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * Sets the attempt limiter (default: a new {@link InMemoryAttemptLimiter} per kit, with its
         * defaults: 5 failures in 15 minutes, then 30 seconds doubling); pass one built with
         * {@code InMemoryAttemptLimiter.builder()} to test other limits.
         */
        public Builder attemptLimiter(AttemptLimiter limiter) {
            this.attemptLimiter = Objects.requireNonNull(limiter, "limiter");
            return this;
        }

        /** Names the transcript file the scenarios append to (default {@code flowkit}). */
        public Builder transcriptName(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Returns the kit. */
        public FlowKit build() {
            return new FlowKit(this);
        }
    }
}
