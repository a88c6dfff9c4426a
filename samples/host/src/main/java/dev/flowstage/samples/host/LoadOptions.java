package dev.flowstage.samples.host;

import dev.flowstage.api.Secret;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.hash.Argon2idHasher;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link LoadDriver} runs: how many clients, for how long, against which host. Parsed from the
 * command line by {@link #parse}, which rejects every bad value with a message naming it.
 *
 * @param clients concurrent clients, each a loop of sign-in journeys (1 to {@value #MAX_CLIENTS})
 * @param duration how long journeys are measured, positive
 * @param warmup how long journeys run before measuring starts, zero or positive
 * @param hasher the password hasher of an in-process host
 * @param users how many users an in-process host gets ({@code load-user-1..K}); 0 signs every client
 *     in as {@value DemoUsers#ADMIN}
 * @param url the base URL of an already-running host, or empty to start one in-process
 * @param password the password the clients sign in with
 * @param verify whether each sign-in is confirmed with {@code GET /api/v3/core/users/me/}
 */
record LoadOptions(int clients, Duration duration, Duration warmup, Hasher hasher, int users, Optional<URI> url,
        Secret password, boolean verify) {

    /** The most clients one driver runs. */
    static final int MAX_CLIENTS = 1024;
    /** The most users an in-process host gets. */
    static final int MAX_USERS = 100_000;
    /** The environment variable holding the admin password of a host given with {@code --url} (the host reads it too). */
    static final String PASSWORD_VARIABLE = "FLOWSTAGE_DEMO_PASSWORD";
    /** The password of the users of an in-process host. */
    static final Secret IN_PROCESS_PASSWORD = Secret.of("load driver password 1");

    static final String USAGE = String.join("\n",
            "usage: LoadDriver [--clients N] [--duration 30s] [--warmup 5s] [--hasher cheap|argon2id] [--users K]",
            "                  [--url http://host:port] [--no-verify]",
            "  --clients N    concurrent clients, each a loop of full sign-in journeys (default 4)",
            "  --duration D   measured time, such as 500ms, 30s or 2m (default 30s)",
            "  --warmup D     time run before measuring (default 5s; 0s for none)",
            "  --hasher H     in-process host only: cheap (Argon2id m=64 KiB t=1 p=1) or argon2id (defaults,",
            "                 m=19 MiB t=2 p=1); default cheap",
            "  --users K      in-process host only: users load-user-1..K, client i signs in as user i mod K",
            "                 (default: one per client); 0 signs everyone in as " + DemoUsers.ADMIN,
            "  --url U        drive a running demo host instead of starting one in-process; clients sign in as",
            "                 " + DemoUsers.ADMIN + " with the password in " + PASSWORD_VARIABLE,
            "  --no-verify    skip the GET /api/v3/core/users/me/ that confirms each sign-in");

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    /** The hasher of an in-process host. */
    enum Hasher {
        /** Argon2id with the test parameters (m=64 KiB, t=1, p=1), as the JMH benchmarks' "cheap" hasher. */
        CHEAP(Argon2idHasher.Parameters.forTests()),
        /** Argon2id with the production defaults (m=19456 KiB, t=2, p=1). */
        ARGON2ID(Argon2idHasher.Parameters.defaults());

        private final Argon2idHasher.Parameters parameters;

        Hasher(Argon2idHasher.Parameters parameters) {
            this.parameters = parameters;
        }

        /** Returns a new hasher with these parameters. */
        PasswordHasher create() {
            return new Argon2idHasher(parameters, new SecureRandom());
        }

        /** Returns the name and parameters, such as {@code cheap (Argon2id m=64 KiB t=1 p=1)}. */
        String describe() {
            return name().toLowerCase(Locale.ROOT) + " (Argon2id m=" + parameters.memoryKib() + " KiB t="
                    + parameters.iterations() + " p=" + parameters.parallelism() + ")";
        }
    }

    LoadOptions {
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--clients must be 1 to " + MAX_CLIENTS + ", got " + clients);
        }
        if (duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive and --warmup not negative, got "
                    + duration + " and " + warmup);
        }
        if (users < 0 || users > MAX_USERS) {
            throw new IllegalArgumentException("--users must be 0 to " + MAX_USERS + ", got " + users);
        }
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
    }

    /** Returns the username client {@code index} (from 0) signs in as. */
    String username(int index) {
        return users == 0 ? DemoUsers.ADMIN : userName(index % users);
    }

    /** Returns the name of load user {@code index} (from 0): {@code load-user-1} for 0. */
    static String userName(int index) {
        return "load-user-" + (index + 1);
    }

    /**
     * Returns the options in {@code args}; {@code env} supplies {@value #PASSWORD_VARIABLE} for
     * {@code --url}.
     *
     * @throws IllegalArgumentException naming the first unknown option, missing or bad value, or
     *     option that does not apply
     */
    static LoadOptions parse(List<String> args, Map<String, String> env) {
        Map<String, String> given = new LinkedHashMap<>();
        Deque<String> rest = new ArrayDeque<>(args);
        while (!rest.isEmpty()) {
            String option = rest.removeFirst();
            if (option.equals("--no-verify")) {
                given.put(option, "");
            } else if (List.of("--clients", "--duration", "--warmup", "--hasher", "--users", "--url").contains(option)) {
                given.put(option, value(option, rest));
            } else {
                throw new IllegalArgumentException("unknown option '" + option + "'; see --help");
            }
        }
        return of(given, env);
    }

    private static LoadOptions of(Map<String, String> given, Map<String, String> env) {
        Optional<URI> url = Optional.ofNullable(given.get("--url")).map(LoadOptions::url);
        if (url.isPresent() && (given.containsKey("--hasher") || given.containsKey("--users"))) {
            throw new IllegalArgumentException("--hasher and --users apply only to an in-process host, not with --url");
        }
        int clients = integer("--clients", given.getOrDefault("--clients", "4"));
        return new LoadOptions(clients, duration("--duration", given.getOrDefault("--duration", "30s")),
                duration("--warmup", given.getOrDefault("--warmup", "5s")), hasher(given.getOrDefault("--hasher", "cheap")),
                url.isPresent() ? 0 : integer("--users", given.getOrDefault("--users", String.valueOf(clients))), url,
                url.isPresent() ? password(env) : IN_PROCESS_PASSWORD, !given.containsKey("--no-verify"));
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty() || rest.peekFirst().startsWith("--")) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return rest.removeFirst();
    }

    /** Parses {@code 500ms}, {@code 30s} or {@code 2m}. */
    static Duration duration(String option, String value) {
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(option + " must be a whole number with a unit ms, s or m (such as 30s), got '"
                    + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        return unit.equals("ms") ? Duration.ofMillis(amount) : unit.equals("s") ? Duration.ofSeconds(amount)
                : Duration.ofMinutes(amount);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static Hasher hasher(String value) {
        for (Hasher hasher : Hasher.values()) {
            if (hasher.name().toLowerCase(Locale.ROOT).equals(value)) {
                return hasher;
            }
        }
        throw new IllegalArgumentException("--hasher must be cheap or argon2id, got '" + value + "'");
    }

    private static URI url(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url must be an http URL such as http://127.0.0.1:9000, got '" + value + "'", e);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--url must be an http URL such as http://127.0.0.1:9000, got '" + value + "'");
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    private static Secret password(Map<String, String> env) {
        String password = env.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--url needs the password of " + DemoUsers.ADMIN + " in " + PASSWORD_VARIABLE
                    + " (the host reads the same variable)");
        }
        return Secret.of(password);
    }
}
