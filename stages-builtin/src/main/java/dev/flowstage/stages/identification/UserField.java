package dev.flowstage.stages.identification;

import dev.flowstage.api.User;
import dev.flowstage.spi.UserDirectory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A user attribute the identification stage matches the typed identifier against. */
public enum UserField {
    /** The username; wire name {@code username}. */
    USERNAME {
        @Override
        Optional<User> lookup(UserDirectory users, String identifier) {
            return users.findByUsername(identifier);
        }

        @Override
        String read(User user) {
            return user.username();
        }
    },
    /** The email address; wire name {@code email}. */
    EMAIL {
        @Override
        Optional<User> lookup(UserDirectory users, String identifier) {
            return users.findByEmail(identifier);
        }

        @Override
        String read(User user) {
            return user.email();
        }
    };

    /** Returns the name used in the protocol's {@code user_fields} and in blueprints. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the field whose wire name is {@code wireName}.
     *
     * @throws IllegalArgumentException naming the value and the allowed ones when there is none
     */
    public static UserField fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(field -> field.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user field '" + wireName + "' is not one of "
                        + Arrays.stream(values()).map(UserField::wireName).toList()));
    }

    /** Finds the user whose field matches {@code identifier} ignoring case, as the directory does. */
    abstract Optional<User> lookup(UserDirectory users, String identifier);

    /** Returns the field's value of {@code user}. */
    abstract String read(User user);
}
