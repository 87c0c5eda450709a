package org.lethe.modelservice.job;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lethe.modelservice.ModelServiceTestResources;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class JobEventsTest {

    @Test
    void trainingProgressStreamsAsServerSentEventsUntilTheJobEnds() {
        String jobId = given().header("Authorization", "Bearer " + ModelServiceTestResources.ADMIN_TOKEN)
                .post("/admin/training").then().statusCode(202).extract().jsonPath().getString("jobId");

        String stream = given().accept("text/event-stream").get("/jobs/" + jobId + "/events")
                .then().statusCode(200).extract().asString();

        List<String> events = stream.lines().filter(line -> line.startsWith("data:")).toList();
        assertTrue(events.size() >= 1, stream);
        assertTrue(events.get(events.size() - 1).contains("\"status\":\"SUCCEEDED\""), stream);
        assertTrue(events.stream().allMatch(event -> event.contains("\"id\":\"" + jobId + "\"")), stream);
        given().get("/jobs/" + jobId).then().statusCode(200).body("stepsDone", equalTo(4));
    }

    @Test
    void aSecondModelJobWhileOneRunsIsRefused() {
        String authorization = "Bearer " + ModelServiceTestResources.ADMIN_TOKEN;
        String jobId = given().header("Authorization", authorization).post("/admin/training")
                .then().statusCode(202).extract().jsonPath().getString("jobId");

        given().header("Authorization", authorization).post("/admin/training").then().statusCode(409)
                .body("type", containsString("job-running"));
        given().accept("text/event-stream").get("/jobs/" + jobId + "/events").then().statusCode(200);
    }
}
