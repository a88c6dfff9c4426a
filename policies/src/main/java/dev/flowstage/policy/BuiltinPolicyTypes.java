package dev.flowstage.policy;

import dev.flowstage.spi.PolicyType;
import java.util.List;

/** Lists the policy types that ship with Flowstage, for registration on the engine builder. */
public final class BuiltinPolicyTypes {

    private BuiltinPolicyTypes() {}

    /** Returns new instances of the built-in policy types: expression, dummy and password. */
    public static List<PolicyType<?>> all() {
        return List.of(new ExpressionPolicyType(), new DummyPolicyType(), new PasswordPolicyType());
    }
}
