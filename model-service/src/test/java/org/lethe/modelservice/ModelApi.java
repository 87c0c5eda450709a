package org.lethe.modelservice;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.lethe.ml.data.Sample;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** The model service's operator and client calls, as tests make them. */
public final class ModelApi {

    public static final String ADMIN = "Bearer " + ModelServiceTestResources.ADMIN_TOKEN;

    private ModelApi() {
    }

    /** Starts training and waits for the job; returns its last JSON. */
    public static JsonPath train() {
        return finished(given().header("Authorization", ADMIN).post("/admin/training")
                .then().statusCode(202).extract().jsonPath().getString("jobId"));
    }

    /** Starts executing the pending deletions and waits for the job; returns its last JSON. */
    public static JsonPath unlearn() {
        return finished(given().header("Authorization", ADMIN).post("/admin/unlearning")
                .then().statusCode(202).extract().jsonPath().getString("jobId"));
    }

    /** Waits until the job succeeded or failed; returns its last JSON. */
    public static JsonPath finished(String jobId) {
        return Await.until(() -> given().get("/jobs/" + jobId).then().statusCode(200).extract().jsonPath(),
                json -> List.of("SUCCEEDED", "FAILED").contains(json.getString("status")), "job " + jobId + " never finished");
    }

    /** Switches the unlearning strategy; the answer must be 200. */
    public static void switchStrategy(String strategy) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("strategy", strategy))
                .put("/admin/strategy").then().statusCode(200);
    }

    /** The served model's answer: its version and one row of probabilities per image. */
    public static JsonPath predict(List<Sample> images) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("images", images.stream().map(s -> Base64.getEncoder().encodeToString(s.image())).toList()))
                .post("/predictions").then().statusCode(200).extract().jsonPath();
    }
}
