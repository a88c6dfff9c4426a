package dev.flowstage.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser writes canonical MVEL: parenthesised, null-safe, variables read from the context object. */
class ExpressionParserTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("user", "request"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "user.username == 'alice'             => (this.?get('user').?get('username') == 'alice')",
        "true || false && false                => (true || (false && false))",
        "1 + 2 * 3 - 4                         => (1 + (2 * 3) - 4)",
        "user.attributes['k'][0]               => this.?get('user').?get('attributes').?get('k').?get(0)",
        "!user.active                          => (!(this.?get('user').?get('active')))",
        "user == null ? 'x' : user.name        => ((this.?get('user') == null) ? 'x' : this.?get('user').?get('name'))",
        "user.groups contains 'admins'         => (this.?get('user').?get('groups') contains 'admins')",
        "isGroupMember(user, \"admins\")       => isGroupMember(this.?get('user'), \"admins\")",
        "user.groups.contains(request.ip)      => this.?get('user').?get('groups').?contains(this.?get('request').?get('ip'))",
        "user.?getClass != null                => (this.?get('user').?get('getClass') != null)",
        "-1 < 0                                => (-1 < 0)",
    })
    void parse_allowedExpression_writesCanonicalMvel(String source, String canonical) {
        assertThat(ExpressionParser.parse(source, VOCABULARY).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "this.user                => 'this' is not allowed",
        "user.username user.name  => unexpected 'user' at position 14",
        "(user.username           => expected ')' but found the end of the expression",
        "user.                    => expected a property or method name, found the end of the expression",
        "user.groups.size(1)      => method 'size' takes 0 arguments, not 1",
        "isGroupMember(user)      => function 'isGroupMember' takes 2 arguments, not 1",
        "user.username ==         => expression ends too early",
    })
    void parse_malformedExpression_refusedWithPosition(String source, String message) {
        assertThatThrownBy(() -> ExpressionParser.parse(source, VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "this.?get('user').?getClass()  => method 'getClass' is not allowed",
        "this.?get('session')           => 'session' is not allowed",
        "this.?user                     => unexpected 'user'",
        "this                           => expected '.?' but found the end of the expression",
        "(this.?get('user') == null)    => unexpected node",
        "this.?get('user').?getClass    => compiled expression reads property 'getClass' directly",
        "user.username                  => 'user' is not allowed",
    })
    void checkChain_nodeTextOutsideTheGrammar_refused(String text, String message) {
        assertThatThrownBy(() -> ExpressionParser.checkChain(text, VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
