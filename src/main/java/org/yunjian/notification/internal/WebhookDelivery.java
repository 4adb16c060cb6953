package org.yunjian.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yunjian.security.PeopleNames;
import org.yunjian.shared.Msg;

/**
 * Robot messages: the task's text in the robot's language, for whom it waits when it is one person, and the link;
 * sent as the robot's kind wants it ({@link RobotKind}), never following a redirect.
 */
@Component
class WebhookDelivery {

    private final Webhooks webhooks;
    private final PeopleNames people;
    private final NotificationProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookDelivery(Webhooks webhooks, PeopleNames people, NotificationProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.people = people;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(Deliveries.Row row) throws Deliveries.DeliveryFailure {
        Webhooks.Target t =
                webhooks.target(row.webhookId()).orElseThrow(() -> new Deliveries.DeliveryFailure("robot removed"));
        if (t.url().isEmpty()) {
            throw new Deliveries.DeliveryFailure("robot address does not open (key file or altered row)");
        }
        URI uri = URI.create(t.url());
        if (!properties.allowPrivateTargets() && !Webhooks.publicTarget(uri.getHost())) {
            throw new Deliveries.DeliveryFailure("address resolves to a private network: " + uri.getHost());
        }
        String task = TaskText.render(row.kind(), row.args(), t.language());
        PeopleNames.Person who = row.userId() == null
                ? null
                : people.byIds(List.of(row.userId())).get(row.userId());
        String text = who == null
                ? Msg.of("notification.robot.text", task).text(t.language())
                : Msg.of("notification.robot.textFor", task, who.displayName()).text(t.language());
        RobotKind.Request r = t.kind()
                .request(
                        t.url(),
                        t.secret(),
                        new RobotKind.Message(
                                text, properties.link(row.href()), row.kind(), null, row.taskId(), row.createdAt()),
                        clock.instant());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(r.body(), StandardCharsets.UTF_8));
        r.headers().forEach(b::header);
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": interrupted");
        }
        String answer = response.body() == null ? "" : response.body();
        String shortAnswer = answer.length() > 200 ? answer.substring(0, 200) : answer;
        if (response.statusCode() / 100 != 2) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": HTTP " + response.statusCode() + " " + shortAnswer);
        }
        if (!t.kind().accepted(answer)) {
            throw new Deliveries.DeliveryFailure(uri.getHost() + ": refused " + shortAnswer);
        }
    }
}
