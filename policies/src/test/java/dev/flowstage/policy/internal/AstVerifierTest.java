package dev.flowstage.policy.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvel2.MVEL;

/**
 * The tree walk on its own, fed MVEL text that never went through the parser: it must refuse
 * whatever is not an expression over the declared variables. (Only harmless texts are compiled
 * here, since MVEL folds constants while compiling.)
 */
class AstVerifierTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of("user"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Runtime",
        "Thread",
        "this.?get('user').?getClass()",
        "this.?get('user').?class",
        "this.?get('user').?getClass",
        "this.?user.?username",
        "this.?get('user').?get('groups').?add('admins')",
        "this.?get('session').?get('id')",
        "user.username",
        "x = 1",
        "[1, 2]",
        "if (true) { 1 }",
        "while (false) { }",
        "this.?get('user').?get('name') ~= 'a'",
        "def f() { 1 }; f()",
        "this.?get('user') instanceof java.util.Map",
    })
    void verify_compiledTextOutsideTheGrammar_refused(String text) {
        Serializable compiled = MVEL.compileExpression(text, MvelExpression.parserContext());
        assertThatThrownBy(() -> AstVerifier.verify(compiled, VOCABULARY)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"new java.util.ArrayList()", "java.io.File", "java.lang.Runtime.getRuntime()"})
    void compile_classNameOutsideTheAllowList_doesNotResolve(String text) {
        assertThatThrownBy(() -> AstVerifier.verify(MVEL.compileExpression(text, MvelExpression.parserContext()), VOCABULARY))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void verify_canonicalExpression_accepted() {
        String canonical = ExpressionParser.parse("user.groups contains 'a' && isGroupMember(user, 'b') || !user.active",
                VOCABULARY).canonical();
        Serializable compiled = MVEL.compileExpression(canonical, MvelExpression.parserContext());
        assertThatCode(() -> AstVerifier.verify(compiled, VOCABULARY)).doesNotThrowAnyException();
    }

    @Test
    void loadClass_outsideTheAllowList_notFound() {
        assertThatThrownBy(() -> AllowListClassLoader.INSTANCE.loadClass("java.lang.Runtime"))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessage("java.lang.Runtime is not available to expressions");
        assertThatCode(() -> AllowListClassLoader.INSTANCE.loadClass("java.lang.Object")).doesNotThrowAnyException();
    }
}
