package org.lethe.verifier.sentinel;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lethe.verifier.VerifierTestResources;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operator's sentinel API, with a model service that cannot be reached: sentinels need the operator's
 * token, and a contribution that does not go through leaves no sentinel counted (the flow test makes real ones).
 */
@QuarkusTest
@QuarkusTestResource(value = SentinelApiTest.UnreachableModelService.class, restrictToAnnotatedClass = true)
class SentinelApiTest {

    private static final String OPERATOR = "Bearer " + VerifierTestResources.OPERATOR_TOKEN;

    /** The usual resources, the model service at a port nothing listens on. */
    public static class UnreachableModelService extends VerifierTestResources {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            config.put("lethe.verifier.model-service-url", "http://127.0.0.1:9");
            return config;
        }
    }

    @Test
    void sentinelsNeedTheOperatorsToken() {
        for (String authorization : new String[] {"Bearer wrong", "Bearer ", VerifierTestResources.OPERATOR_TOKEN}) {
            given().header("Authorization", authorization).post("/sentinels").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lethe:problem:operator-token-required"));
            given().header("Authorization", authorization).get("/sentinels").then().statusCode(401);
        }
        given().post("/sentinels").then().statusCode(401);
        given().header("Authorization", OPERATOR).get("/sentinels").then().statusCode(200)
                .body("configured", equalTo(3)).body("contributed", equalTo(0)).body("calibrated", equalTo(0));
    }

    @Test
    void aContributionThatDoesNotGoThroughCountsNoSentinel() {
        given().header("Authorization", OPERATOR).post("/sentinels").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lethe:problem:sentinel-contribution-failed"))
                .body("detail", containsString("the sentinel is left unused"));

        given().header("Authorization", OPERATOR).get("/sentinels").then().statusCode(200)
                .body("configured", equalTo(3)).body("contributed", equalTo(0));
    }
}
