package org.gmck.kit.steps.common;

import io.cucumber.java.en.Then;
import org.gmck.kit.ScenarioContext;

/** Steps shared by every area: the typed rejection of bad input. */
public final class CommonSteps {

    private final ScenarioContext context;

    public CommonSteps(ScenarioContext context) {
        this.context = context;
    }

    @Then("the call is rejected with {word}")
    public void theCallIsRejectedWith(String status) {
        context.expectRejected(status);
    }
}
