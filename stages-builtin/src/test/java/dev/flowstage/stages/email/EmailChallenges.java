package dev.flowstage.stages.email;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.Mailer;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The challenges of an email journey as a real engine renders them, for the conformance test. */
public final class EmailChallenges {
    private static final Pattern TOKEN = Pattern.compile("flow_token=([A-Za-z0-9_\\-]+)");

    private EmailChallenges() {}

    /**
     * Runs identification and the email stage in a recovery flow, then returns the email challenge
     * on arrival, after a resend, after a bad token, over the resend limit, the confirmation that
     * {@code FlowEngine#resume} shows for the mailed link, and the email challenge after a failed send.
     */
    public static List<Challenge> journey() {
        RecordingMailer mailer = new RecordingMailer();
        try (FlowEngine engine = engine(mailer)) {
            RequestInfo anonymous = RequestInfo.anonymous();
            ExecutionId id = engine.start("recover", anonymous).executionId();
            FlowResult arrived = engine.submit(id, ChallengeResponse.of(Map.of("uid_field", "alice")), anonymous);
            FlowResult resent = engine.submit(id, ChallengeResponse.empty(), anonymous);
            FlowResult badToken = engine.submit(id, ChallengeResponse.of(Map.of("token", "nope")), anonymous);
            mailer.failing(RecordingMailer.serverDown());
            FlowResult failed = engine.submit(id, ChallengeResponse.empty(), anonymous);
            FlowResult limited = engine.submit(id, ChallengeResponse.empty(), anonymous);
            Matcher token = TOKEN.matcher(mailer.last().text());
            token.find();
            FlowResult consent = engine.resume(token.group(1), anonymous);
            return List.of(arrived.challenge(), resent.challenge(), badToken.challenge(), limited.challenge(),
                    consent.challenge(), failed.challenge());
        }
    }

    private static FlowEngine engine(Mailer mailer) {
        return FlowEngines.builder()
                .users(new InMemoryUserDirectory().put(User.of("u-alice", "alice", "alice@example.com")))
                .stages(BuiltinStages.all()).stage(new EmailStage()).service(Mailer.class, mailer)
                .flow(FlowDefinition.builder("recover").designation(Designation.RECOVERY)
                        .stage(10, IdentificationStage.definition("identify", IdentificationConfig.defaults()))
                        .stage(20, EmailStage.definition("mail-link",
                                EmailConfig.defaults("https://login.example.com").withResendLimit(2, java.time.Duration.ofMinutes(5))))
                        .build())
                .build();
    }
}
