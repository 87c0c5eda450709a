package org.lethe.ledger.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real Anvil node with the UnlearningLedger deployed before a test class and stops it after;
 * tests receive the {@link AnvilLedger} as a parameter (constructor, lifecycle or test method).
 *
 * <pre>{@code
 * @ExtendWith(AnvilLedgerExtension.class)
 * class MyLedgerTest {
 *     @Test void records(AnvilLedger ledger) { ... }
 * }
 * }</pre>
 */
public final class AnvilLedgerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AnvilLedgerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ledgerOf(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AnvilLedger.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ledgerOf(context);
    }

    /** One ledger per test class; JUnit closes stored {@link AutoCloseable}s when the class's store closes. */
    private static AnvilLedger ledgerOf(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE)
                .computeIfAbsent(classContext.getRequiredTestClass(), key -> AnvilLedger.start(), AnvilLedger.class);
    }
}
