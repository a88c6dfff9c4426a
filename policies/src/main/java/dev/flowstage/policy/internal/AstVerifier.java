package dev.flowstage.policy.internal;

import dev.flowstage.api.Secret;
import java.util.Set;
import org.mvel2.Operator;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.Contains;
import org.mvel2.ast.IntAdd;
import org.mvel2.ast.IntDiv;
import org.mvel2.ast.IntMult;
import org.mvel2.ast.IntSub;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.OperatorNode;
import org.mvel2.ast.Or;
import org.mvel2.ast.Substatement;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.compiler.ExecutableStatement;

/**
 * Walks what MVEL compiled and refuses any node that is not part of an expression: only
 * literals of data types, operators, negation, parentheses and identifier chains that the parser
 * accepts (re-checked from the node's own text) may appear. This catches any difference between
 * what the parser approved and what MVEL made of it.
 */
final class AstVerifier {
    private static final Set<Class<?>> BINARY = Set.of(BinaryOperation.class, IntAdd.class, IntSub.class,
            IntMult.class, IntDiv.class, And.class, Or.class);
    private static final Set<Class<?>> LITERALS = Set.of(String.class, Boolean.class, Integer.class, Long.class,
            Double.class, Float.class, Short.class, Byte.class, Character.class, java.math.BigDecimal.class,
            java.math.BigInteger.class);
    private static final int MAX_NODES = 20_000;

    private final Vocabulary vocabulary;
    private int visited;

    private AstVerifier(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * Checks the compiled expression {@code compiled}.
     *
     * @throws IllegalArgumentException naming the first node that is not allowed
     */
    static void verify(Object compiled, Vocabulary vocabulary) {
        new AstVerifier(vocabulary).statement(compiled);
    }

    private void statement(Object statement) {
        if (statement instanceof CompiledExpression expression) {
            for (ASTNode node = expression.getFirstNode(); node != null; node = node.nextASTNode) {
                node(node);
            }
        } else if (statement instanceof ExecutableAccessor accessor) {
            node(accessor.getNode());
        } else if (statement instanceof ExecutableLiteral literal) {
            literal(literal.getLiteral());
        } else {
            throw refused(statement == null ? "null" : statement.getClass().getSimpleName());
        }
    }

    private void node(ASTNode node) {
        if (++visited > MAX_NODES) {
            throw new IllegalArgumentException("expression is too complex");
        }
        Class<?> type = node.getClass();
        if (type == ASTNode.class) {
            plain(node);
        } else if (type == LiteralNode.class) {
            literal(node.getLiteralValue());
        } else if (BINARY.contains(type)) {
            node(((BooleanNode) node).getLeft());
            node(((BooleanNode) node).getRight());
        } else {
            wrapper(node);
        }
    }

    private void wrapper(ASTNode node) {
        if (node instanceof Contains contains && node.getClass() == Contains.class) {
            node(contains.getFirstStatement());
            node(contains.getSecondStatement());
        } else if (node instanceof Negation negation && node.getClass() == Negation.class) {
            statement(negation.getStatement());
        } else if (node instanceof Substatement substatement && node.getClass() == Substatement.class) {
            statement(substatement.getStatement());
        } else if (node instanceof OperatorNode operator && node.getClass() == OperatorNode.class) {
            int code = operator.getOperator();
            if (code != Operator.TERNARY && code != Operator.TERNARY_ELSE) {
                throw refused("operator " + code);
            }
        } else {
            throw refused(node.getClass().getSimpleName());
        }
    }

    private void plain(ASTNode node) {
        if (node.isLiteral()) {
            literal(node.getLiteralValue());
        } else if (node.isIdentifier()) {
            ExpressionParser.checkChain(node.getName(), vocabulary);
        } else {
            throw refused("node '" + node.getName() + "'");
        }
    }

    private static void literal(Object value) {
        if (value != null && !LITERALS.contains(value.getClass()) && !(value instanceof Secret)) {
            throw refused("literal of type " + value.getClass().getName());
        }
    }

    private static IllegalArgumentException refused(String what) {
        return new IllegalArgumentException("compiled expression holds " + what + ", which expressions may not use");
    }
}
