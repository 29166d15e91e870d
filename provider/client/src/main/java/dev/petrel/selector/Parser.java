package dev.petrel.selector;

import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the selector grammar, lowest precedence first:
 * <pre>
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | comparison
 * comparison := sum [ (= | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=) sum
 *                   | [NOT] BETWEEN sum AND sum
 *                   | [NOT] IN '(' string (',' string)* ')'
 *                   | [NOT] LIKE string [ESCAPE string]
 *                   | IS [NOT] NULL ]
 * sum        := product ((+ | -) product)*
 * product    := unary ((* | /) unary)*
 * unary      := (+ | -) unary | primary
 * primary    := number | string | TRUE | FALSE | identifier | '(' or ')'
 * </pre>
 * Operands are type-checked as far as the parser can know their types (literals, headers,
 * arithmetic and conditions; properties are untyped until a message arrives). One instance parses
 * one selector on one thread.
 */
final class Parser {

    /** Bound on nesting and on tree height, so neither parsing nor evaluation can overflow the stack. */
    static final int MAX_DEPTH = 128;

    private final String source;
    private final List<Token> tokens;
    private int pos;
    private int nesting;

    private Parser(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** The tree of a non-blank selector. */
    static Expr parse(String source) throws InvalidSelectorException {
        Parser parser = new Parser(source, Lexer.tokenize(source));
        Expr root = parser.or();
        Token end = parser.peek();
        if (!end.is(Token.Kind.END)) {
            throw parser.error(end.start(), "expected an operator, AND, OR or the end of the selector but found "
                    + end.describe());
        }
        parser.requireCondition(root, "as the selector");
        return root;
    }

    private Expr or() throws InvalidSelectorException {
        Expr first = and();
        if (!peek().is(Token.Kind.OR)) {
            return first;
        }
        requireCondition(first, "before OR");
        List<Expr> operands = new ArrayList<>();
        operands.add(first);
        while (accept(Token.Kind.OR)) {
            operands.add(requireCondition(and(), "after OR"));
        }
        return bounded(new Logic.Or(operands));
    }

    private Expr and() throws InvalidSelectorException {
        Expr first = not();
        if (!peek().is(Token.Kind.AND)) {
            return first;
        }
        requireCondition(first, "before AND");
        List<Expr> operands = new ArrayList<>();
        operands.add(first);
        while (accept(Token.Kind.AND)) {
            operands.add(requireCondition(not(), "after AND"));
        }
        return bounded(new Logic.And(operands));
    }

    private Expr not() throws InvalidSelectorException {
        if (!peek().is(Token.Kind.NOT)) {
            return comparison();
        }
        Token not = next();
        enter(not);
        Expr operand = requireCondition(not(), "after NOT");
        nesting--;
        return bounded(new Logic.Not(operand, not.start()));
    }

    private Expr comparison() throws InvalidSelectorException {
        Expr left = sum();
        Token token = peek();
        Values.Op op = comparisonOp(token.kind());
        if (op != null) {
            next();
            if (op.isOrdering()) {
                requireNumber(left, "before '" + token.text() + "' (strings and booleans support only = and <>)");
            }
            Expr right = sum();
            if (op.isOrdering()) {
                requireNumber(right, "after '" + token.text() + "' (strings and booleans support only = and <>)");
            }
            return bounded(new Comparison(op, left, right));
        }
        boolean negated = false;
        if (token.is(Token.Kind.NOT)) {
            next();
            negated = true;
            token = peek();
            if (!token.is(Token.Kind.BETWEEN) && !token.is(Token.Kind.IN) && !token.is(Token.Kind.LIKE)) {
                throw error(token.start(), "expected BETWEEN, IN or LIKE after NOT but found " + token.describe());
            }
        }
        switch (token.kind()) {
            case BETWEEN:
                next();
                return between(left, negated);
            case IN:
                next();
                return in(left, negated);
            case LIKE:
                next();
                return like(left, negated);
            case IS:
                next();
                return isNull(left);
            default:
                return left;
        }
    }

    private static Values.Op comparisonOp(Token.Kind kind) {
        return switch (kind) {
            case EQ -> Values.Op.EQ;
            case NE -> Values.Op.NE;
            case LT -> Values.Op.LT;
            case LE -> Values.Op.LE;
            case GT -> Values.Op.GT;
            case GE -> Values.Op.GE;
            default -> null;
        };
    }

    private Expr between(Expr value, boolean negated) throws InvalidSelectorException {
        requireNumber(value, "before BETWEEN");
        Expr low = requireNumber(sum(), "as the lower bound of BETWEEN");
        Token and = peek();
        if (!accept(Token.Kind.AND)) {
            throw error(and.start(), "expected AND between the bounds of BETWEEN but found " + and.describe());
        }
        Expr high = requireNumber(sum(), "as the upper bound of BETWEEN");
        return bounded(new Between(value, low, high, negated));
    }

    private Expr in(Expr identifier, boolean negated) throws InvalidSelectorException {
        requireStringIdentifier(identifier, "IN");
        Token open = next();
        if (!open.is(Token.Kind.LPAREN)) {
            throw error(open.start(), "expected '(' after IN but found " + open.describe());
        }
        List<String> items = new ArrayList<>();
        Token close;
        do {
            Token item = next();
            if (!item.is(Token.Kind.STRING)) {
                throw error(item.start(), "expected a string literal in the IN list but found " + item.describe());
            }
            items.add(unquote(item));
            close = next();
        } while (close.is(Token.Kind.COMMA));
        if (!close.is(Token.Kind.RPAREN)) {
            throw error(close.start(), "expected ',' or ')' in the IN list but found " + close.describe());
        }
        return new InList(identifier, items, negated, close.end());
    }

    private Expr like(Expr identifier, boolean negated) throws InvalidSelectorException {
        requireStringIdentifier(identifier, "LIKE");
        Token pattern = next();
        if (!pattern.is(Token.Kind.STRING)) {
            throw error(pattern.start(), "expected a string literal pattern after LIKE but found " + pattern.describe());
        }
        int end = pattern.end();
        int escape = -1;
        if (accept(Token.Kind.ESCAPE)) {
            Token escapeToken = next();
            String text = escapeToken.is(Token.Kind.STRING) ? unquote(escapeToken) : null;
            if (text == null || text.codePointCount(0, text.length()) != 1) {
                throw error(escapeToken.start(), "expected a one-character string literal after ESCAPE but found "
                        + escapeToken.describe());
            }
            escape = text.codePointAt(0);
            end = escapeToken.end();
        }
        try {
            return new Like(identifier, LikePattern.compile(unquote(pattern), escape), negated, end);
        } catch (IllegalArgumentException e) {
            throw error(pattern.start(), "expected a character after the escape character but found "
                    + "the end of the pattern " + pattern.text());
        }
    }

    private Expr isNull(Expr identifier) throws InvalidSelectorException {
        if (!identifier.isIdentifier()) {
            throw error(identifier.start, "expected an identifier before IS but found " + identifier.describe(source));
        }
        boolean negated = accept(Token.Kind.NOT);
        Token nullToken = next();
        if (!nullToken.is(Token.Kind.NULL)) {
            throw error(nullToken.start(), "expected " + (negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS")
                    + " but found " + nullToken.describe());
        }
        return new IsNull(identifier, negated, nullToken.end());
    }

    private Expr sum() throws InvalidSelectorException {
        Expr left = product();
        while (peek().is(Token.Kind.PLUS) || peek().is(Token.Kind.MINUS)) {
            Token op = next();
            requireNumber(left, "before '" + op.text() + "'");
            Expr right = requireNumber(product(), "after '" + op.text() + "'");
            left = bounded(new Arithmetic(op.is(Token.Kind.PLUS) ? Arithmetic.Op.ADD : Arithmetic.Op.SUBTRACT,
                    left, right));
        }
        return left;
    }

    private Expr product() throws InvalidSelectorException {
        Expr left = unary();
        while (peek().is(Token.Kind.STAR) || peek().is(Token.Kind.SLASH)) {
            Token op = next();
            requireNumber(left, "before '" + op.text() + "'");
            Expr right = requireNumber(unary(), "after '" + op.text() + "'");
            left = bounded(new Arithmetic(op.is(Token.Kind.STAR) ? Arithmetic.Op.MULTIPLY : Arithmetic.Op.DIVIDE,
                    left, right));
        }
        return left;
    }

    private Expr unary() throws InvalidSelectorException {
        Token sign = peek();
        if (!sign.is(Token.Kind.PLUS) && !sign.is(Token.Kind.MINUS)) {
            return primary();
        }
        next();
        boolean negate = sign.is(Token.Kind.MINUS);
        Token operandToken = peek();
        if (operandToken.is(Token.Kind.EXACT_NUMBER) || operandToken.is(Token.Kind.APPROXIMATE_NUMBER)) {
            next();
            return new Literal(NumberLiterals.value(source, operandToken, negate), sign.start(), operandToken.end());
        }
        enter(sign);
        Expr operand = requireNumber(unary(), "after unary '" + sign.text() + "'");
        nesting--;
        if (operand instanceof Literal literal) {
            Object folded = negate ? NumberLiterals.negate(literal.constant()) : literal.constant();
            return new Literal(folded, sign.start(), operand.end);
        }
        return bounded(new Sign(negate, operand, sign.start()));
    }

    private Expr primary() throws InvalidSelectorException {
        Token token = next();
        switch (token.kind()) {
            case EXACT_NUMBER:
            case APPROXIMATE_NUMBER:
                return new Literal(NumberLiterals.value(source, token, false), token.start(), token.end());
            case STRING:
                return new Literal(unquote(token), token.start(), token.end());
            case TRUE:
                return new Literal(Boolean.TRUE, token.start(), token.end());
            case FALSE:
                return new Literal(Boolean.FALSE, token.start(), token.end());
            case IDENTIFIER:
                return new Identifier(token.text(), token.start(), token.end());
            case LPAREN:
                return parenthesized(token);
            case NULL:
                throw error(token.start(), "expected a value but found 'NULL'"
                        + " (NULL is not a value: test for it with IS NULL or IS NOT NULL)");
            default:
                throw error(token.start(), "expected a value but found " + token.describe());
        }
    }

    private Expr parenthesized(Token open) throws InvalidSelectorException {
        if (peek().is(Token.Kind.RPAREN)) {
            throw error(peek().start(), "expected an expression inside the parentheses but found ')'");
        }
        enter(open);
        Expr inner = or();
        nesting--;
        Token close = next();
        if (!close.is(Token.Kind.RPAREN)) {
            throw error(close.start(), "expected ')' to close the '(' at column " + open.column()
                    + " but found " + close.describe());
        }
        return inner;
    }

    private static String unquote(Token string) {
        String text = string.text();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private Expr requireCondition(Expr e, String where) throws InvalidSelectorException {
        if (e.type() != Expr.Type.BOOLEAN && e.type() != Expr.Type.ANY) {
            throw error(e.start, "expected a condition " + where + " but found " + e.describe(source));
        }
        return e;
    }

    private Expr requireNumber(Expr e, String where) throws InvalidSelectorException {
        if (e.type() != Expr.Type.NUMBER && e.type() != Expr.Type.ANY) {
            throw error(e.start, "expected a number " + where + " but found " + e.describe(source));
        }
        return e;
    }

    private void requireStringIdentifier(Expr e, String operator) throws InvalidSelectorException {
        if (!e.isIdentifier() || (e.type() != Expr.Type.STRING && e.type() != Expr.Type.ANY)) {
            throw error(e.start, "expected a string identifier before " + operator + " but found "
                    + e.describe(source));
        }
    }

    private Expr bounded(Expr e) throws InvalidSelectorException {
        if (e.depth > MAX_DEPTH) {
            throw error(e.start, "expected at most " + MAX_DEPTH + " levels of nested operators but found "
                    + e.depth);
        }
        return e;
    }

    private void enter(Token token) throws InvalidSelectorException {
        if (++nesting > MAX_DEPTH) {
            throw error(token.start(), "expected at most " + MAX_DEPTH + " levels of nesting but found more");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token token = tokens.get(pos);
        if (!token.is(Token.Kind.END)) {
            pos++;
        }
        return token;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().is(kind)) {
            pos++;
            return true;
        }
        return false;
    }

    private InvalidSelectorException error(int offset, String message) {
        return Lexer.error(source, offset, message);
    }
}
