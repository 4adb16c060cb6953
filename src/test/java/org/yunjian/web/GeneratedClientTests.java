package org.yunjian.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunjian.demo.DemoData;
import org.yunjian.support.GeneratedClient;
import org.yunjian.support.Scratch;
import org.yunjian.support.WebSession;

/**
 * Issue 60: a client openapi-generator makes of the live OpenAPI document (Java, {@code native}: java.net.http and
 * Jackson) compiles and calls the API with an API token — creates a cloud system (201 as documented), reads it back,
 * finds it in the list and deletes it (204). The demo's context, shared with {@code DemoCatalogTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yunjian.demo=true")
class GeneratedClientTests {

    @LocalServerPort
    int port;

    @Test
    void aGeneratedJavaClientCreatesReadsListsAndDeletesASystem() throws Exception {
        WebSession customer = new WebSession(p -> URI.create("http://localhost:" + port + p));
        customer.loginOnceSeeded(DemoData.CUSTOMER_USER, DemoData.PASSWORD, System.nanoTime() + 60_000_000_000L);
        HttpResponse<String> docs = customer.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        Path document = Scratch.directory("yunjian-openapi-").resolve("openapi.json");
        Files.writeString(document, docs.body());
        HttpResponse<String> issued = customer.postJson(
                "/api/account/tokens", "{\"name\":\"generated client\",\"scope\":\"READ_WRITE\",\"validDays\":1}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = JsonPath.read(issued.body(), "$.value");

        long start = System.nanoTime();
        UUID id;
        try (GeneratedClient generated = GeneratedClient.of(document)) {
            System.out.println("openapi-generator: Java client generated and compiled in "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            Class<?> apiClient = generated.type("ApiClient");
            Object client = apiClient.getConstructor().newInstance();
            apiClient.getMethod("updateBaseUri", String.class).invoke(client, "http://localhost:" + port);
            Consumer<HttpRequest.Builder> bearer = b -> b.header("Authorization", "Bearer " + token);
            apiClient.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
            Class<?> systems = generated.type("api.SystemsApi");
            Object api = systems.getConstructor(apiClient).newInstance(client);
            Object mapper = apiClient.getMethod("getObjectMapper").invoke(client);

            String name = "生成的客户端 " + UUID.randomUUID();
            Object request = mapper.getClass()
                    .getMethod("readValue", String.class, Class.class)
                    .invoke(
                            mapper,
                            "{\"name\":\"" + name + "\",\"protectionLevel\":\"2\",\"deploymentModel\":\"PRIVATE\","
                                    + "\"serviceModel\":\"IAAS\",\"industry\":\"OTHER\",\"dataClassification\":\"GENERAL\","
                                    + "\"regions\":[\"北京\"]}",
                            generated.type("model.SystemRequest"));
            Object created = call(api, operationId(docs, "/api/systems", "post"), request);
            assertThat(status(created)).isEqualTo(201);
            id = (UUID) property(data(created), "getId");

            Object read = call(api, operationId(docs, "/api/systems/{id}", "get"), id);
            assertThat(status(read)).isEqualTo(200);
            assertThat(property(data(read), "getName")).isEqualTo(name);

            Object page = call(api, operationId(docs, "/api/systems", "get"), name, null, null, null, null, null);
            assertThat(status(page)).isEqualTo(200);
            List<?> items = (List<?>) property(data(page), "getItems");
            assertThat(items).extracting(s -> property(s, "getId")).containsExactly(id);

            Object deleted = call(api, operationId(docs, "/api/systems/{id}", "delete"), id);
            assertThat(status(deleted)).isEqualTo(204);
        }
        HttpResponse<String> gone =
                customer.send("GET", "/api/systems/" + id, null, Map.of("Accept", "application/json"));
        assertThat(gone.statusCode()).isEqualTo(404);
        // the demo's context is shared: the customer's token list as other tests find it
        String tokenId = JsonPath.read(issued.body(), "$.token.id");
        assertThat(customer.send("DELETE", "/api/account/tokens/" + tokenId, null, Map.of())
                        .statusCode())
                .isEqualTo(204);
    }

    private static String operationId(HttpResponse<String> docs, String path, String method) {
        return JsonPath.read(docs.body(), "$.paths['" + path + "']." + method + ".operationId");
    }

    /**
     * The generated {@code …WithHttpInfo} method of the operation, with these arguments (and no extra headers, where
     * the generator added a parameter for them).
     */
    private static Object call(Object api, String operationId, Object... args) throws Exception {
        Method m = GeneratedClient.withHttpInfo(api.getClass(), operationId);
        Object[] all = Arrays.copyOf(args, m.getParameterCount());
        assertThat(m.getParameterCount()).as(m.toString()).isBetween(args.length, args.length + 1);
        try {
            return m.invoke(api, all);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError(m + " with " + Arrays.toString(args) + ": " + e.getCause(), e.getCause());
        }
    }

    private static int status(Object apiResponse) throws Exception {
        return (Integer) apiResponse.getClass().getMethod("getStatusCode").invoke(apiResponse);
    }

    private static Object data(Object apiResponse) throws Exception {
        return apiResponse.getClass().getMethod("getData").invoke(apiResponse);
    }

    private static Object property(Object bean, String getter) {
        try {
            return bean.getClass().getMethod(getter).invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(getter + " on " + bean.getClass(), e);
        }
    }
}
