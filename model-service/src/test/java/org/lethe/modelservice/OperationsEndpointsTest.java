package org.lethe.modelservice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** What operators rely on: health, the OpenAPI description, metrics; and no secret in any of them. */
@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class OperationsEndpointsTest {

    @Test
    void healthOpenApiAndMetricsAnswer() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'ledger-outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ledger-outbox' }.data.failed", equalTo(0));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/deletions")).body(containsString("/predictions"));
        given().get("/model/versions").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count{"));
    }

    @Test
    void secretsAppearInNoAnswer() {
        String providerKey = ModelServiceTestResources.ledger().provider().getEcKeyPair().getPrivateKey().toString(16);
        for (String path : new String[] {"/q/openapi?format=json", "/q/metrics", "/q/health"}) {
            String body = given().get(path).then().extract().asString();
            assertFalse(body.contains(providerKey), path);
            assertFalse(body.contains(ModelServiceTestResources.ADMIN_TOKEN), path);
        }
    }
}
