package org.lethe.modelservice.model;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lethe.modelservice.ModelServiceTestResources;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class StrategySwitchTest {

    private static final String ADMIN = "Bearer " + ModelServiceTestResources.ADMIN_TOKEN;

    @Test
    void operatorsSwitchTheStrategyAndAnUnknownOneChangesNothing() {
        given().header("Authorization", ADMIN).get("/admin/strategy").then().statusCode(200)
                .body("strategy", equalTo("sisa"));
        try {
            switchTo("gradient-ascent").statusCode(200).body("strategy", equalTo("gradient-ascent"));
            switchTo("forget-everything").statusCode(400)
                    .body("type", equalTo("urn:lethe:problem:unknown-strategy"))
                    .body("detail", containsString("gradient-ascent"))
                    .body("detail", containsString("marks-only"));
            switchTo("filtered").statusCode(200).body("strategy", equalTo("filtered median:3"));
            switchTo("Stale").statusCode(200).body("strategy", equalTo("stale"));
            switchTo("marks-only").statusCode(200).body("strategy", equalTo("marks-only"));
            switchTo("gradient-ascent").statusCode(200);
            given().header("Authorization", ADMIN).get("/admin/strategy").then().body("strategy", equalTo("gradient-ascent"));
            given().contentType(ContentType.JSON).body(Map.of("strategy", "none")).put("/admin/strategy")
                    .then().statusCode(401);
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"strategy\": ")
                    .put("/admin/strategy").then().statusCode(400)
                    .body("type", equalTo("urn:lethe:problem:malformed-json"));
            switchTo(null).statusCode(400).body("type", equalTo("urn:lethe:problem:unknown-strategy"));
            given().header("Authorization", ADMIN).get("/admin/strategy").then().body("strategy", equalTo("gradient-ascent"));
        } finally {
            switchTo("sisa").statusCode(200);
        }
    }

    private static ValidatableResponse switchTo(String strategy) {
        Map<String, String> body = new HashMap<>();
        body.put("strategy", strategy);
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .put("/admin/strategy").then();
    }
}
